#!/usr/bin/env bash
# Installs the Linux .deb on this machine, starts the app from its desktop
# entry, checks it shows Today and delivers a reminder, then purges it and
# checks nothing of it is left. Needs root (or sudo) and a Debian 12 system;
# not part of scripts/test.sh, because it installs system packages.
#
#   scripts/deb-install-test.sh              # builds the release .deb (5+ min)
#   scripts/deb-install-test.sh --debug      # scripts/check-deb.sh's debug .deb (fast)
#   scripts/deb-install-test.sh FILE.deb     # a .deb built elsewhere
#
# 1. Install: `apt-get install -y ./FILE.deb` pulls its Depends from the
#    archive; then dpkg lists it as installed, `smp-aftercare` is on PATH and
#    answers --version, the desktop entry and the MIME XML are in place, and
#    the dpkg triggers did their part: shared-mime-info's database knows
#    application/x-smpplan, desktop-file-utils' mimeinfo.cache lists the
#    entry, `xdg-mime query default x-scheme-handler/smp-aftercare` gives the
#    entry and `xdg-mime query filetype plan.smpplan` the plan type.
# 2. Start (scripts/deb-install-test-gui.py, in `dbus-run-session`, under
#    Xvfb, with HOME and XDG folders in a temporary folder): the desktop
#    entry is launched twice as a desktop does (GLib, like `gio launch`):
#    once on an empty store, then on a store seeded with a session five days
#    before today and a reminder time two minutes before the app's clock
#    (SMP_AFTERCARE_TODAY starts it at noon). A notification recorder owns
#    org.freedesktop.Notifications: the day-6 reminder must arrive from
#    "SMP Aftercare" within 60 s, and the window's accessibility tree must
#    show "Day 6" (Today). Screenshots: target/deb-install-test/*.png.
# 3. Purge: `apt-get remove --purge -y smp-aftercare`; every path the
#    package held is gone again (those that existed before the install, such
#    as /usr/share/applications, stay), the MIME type and the cache entry
#    are gone, and dpkg has no trace of it.
#
# It leaves the machine as it found it, also on failure (trap): the app is
# purged, and so is every package the install (or this script's own checks)
# added; the package list at the end is compared with the one at the start.
# Packages the checks need (the app itself needs only xdg-utils, a
# dependency of the package): xdg-utils (xdg-mime),
# libglib2.0-bin (gio), xvfb, dbus, python3-dbus, python3-gi,
# gir1.2-gtk-3.0 and gir1.2-atspi-2.0 (screenshot and accessibility tree);
# those missing are installed for the run and removed after it.
#
# Writes under target/deb-install-test/ (the log of each step, screenshots,
# the notification received) and a temporary folder it removes.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

package=smp-aftercare
desktop="/usr/share/applications/SMP Aftercare.desktop"
mime_xml=/usr/share/mime/packages/smp-aftercare.xml
mime_type=application/x-smpplan
scheme=x-scheme-handler/smp-aftercare
check_tools=(xdg-utils libglib2.0-bin xvfb dbus python3-dbus python3-gi gir1.2-gtk-3.0 gir1.2-atspi-2.0)

fail() { echo "deb-install-test: FAIL $*" >&2; exit 1; }
ok() { echo "deb-install-test: ok   $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_quiet() { as_root env DEBIAN_FRONTEND=noninteractive apt-get -q "$@"; }
installed_packages() {
  dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' | awk '$1 ~ /^[ih]i/ {print $2}' | sort
}

deb=
case "${1:-}" in
  "")
    echo "==> building the release .deb (tauri build: the UI by beforeBuildCommand, then the app)"
    rm -f target/release/bundle/deb/*.deb
    ui/node_modules/.bin/tauri build --bundles deb
    deb=$(ls target/release/bundle/deb/*.deb)
    ;;
  --debug)
    echo "==> building the debug .deb (scripts/check-deb.sh)"
    scripts/check-deb.sh
    deb=$(ls target/debug/bundle/deb/*.deb)
    ;;
  -*) echo "usage: scripts/deb-install-test.sh [--debug | FILE.deb]" >&2; exit 2 ;;
  *) deb=$1 ;;
esac
[ -f "$deb" ] || fail "no .deb at '$deb'"
[ "$(dpkg-deb -f "$deb" Package)" = "$package" ] || fail "$deb is not the $package package"
if dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^[a-z]'; then
  fail "$package is already on this machine (dpkg: $(dpkg-query -W -f='${db:Status-Abbrev}' "$package")); purge it first, so the test can leave the machine as it found it"
fi
started=$SECONDS

out=target/deb-install-test
rm -rf "$out"
mkdir -p "$out"
out=$repo/$out
work=$(mktemp -d /tmp/deb-install-test.XXXXXX)
chmod 755 "$work"
installed_packages >"$work/packages-before"

cleanup() {
  status=$?
  set +e
  if dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^[a-z]'; then
    echo "deb-install-test: purging $package (cleanup)"
    apt_quiet remove --purge -y "$package" >>"$out/cleanup.log" 2>&1
  fi
  # Only what this run's own apt-get set up and was not there before (the
  # machine is shared: a package someone else installs meanwhile stays).
  installed_packages >"$work/packages-now"
  cat "$out/check-tools.log" "$out/install.log" 2>/dev/null |
    awk '/^Setting up / {print $3}' | sed 's/:[a-z0-9]*$//' | sort -u >"$work/set-up"
  mapfile -t added < <(comm -13 "$work/packages-before" "$work/packages-now" |
    awk 'NR == FNR {mine[$1]; next} {name = $1; sub(/:.*/, "", name)} name in mine' "$work/set-up" -)
  if [ "${#added[@]}" -gt 0 ]; then
    echo "deb-install-test: purging the ${#added[@]} packages this run added: ${added[*]}"
    apt_quiet remove --purge -y "${added[@]}" >>"$out/cleanup.log" 2>&1
  fi
  installed_packages >"$work/packages-after"
  if ! diff -u "$work/packages-before" "$work/packages-after" >"$out/packages.diff"; then
    echo "deb-install-test: FAIL the package list differs from the start (see $out/packages.diff)" >&2
    status=1
  fi
  rm -rf "$work"
  if [ "$status" -eq 0 ]; then
    echo "deb-install-test: $deb installs, starts, reminds and purges cleanly ($((SECONDS - started)) s)"
  else
    echo "deb-install-test: FAILED; logs in $out" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The tools of the checks themselves, installed only if missing.
missing=()
for p in "${check_tools[@]}"; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> installing what the checks need (removed at the end): ${missing[*]}"
  apt_quiet install -y --no-install-recommends "${missing[@]}" >"$out/check-tools.log" 2>&1 ||
    fail "apt-get install of the check tools (${missing[*]}); see $out/check-tools.log"
fi

# What the package holds, and which of its paths exist before it is here.
cp "$deb" "$work/$package.deb"
chmod 644 "$work/$package.deb"
dpkg-deb -c "$work/$package.deb" | awk '{ $1=$2=$3=$4=$5=""; sub(/^ +/, ""); print }' |
  sed -e 's|^\./||' -e 's|^/||' -e 's|/$||' | grep -v '^$' | sed 's|^|/|' | sort >"$work/paths"
[ -s "$work/paths" ] || fail "dpkg-deb -c lists no paths in $deb"
while IFS= read -r p; do [ -e "$p" ] && echo "$p"; done <"$work/paths" >"$work/existing-before" || true

echo "==> 1. apt-get install -y ./$package.deb  (a copy of $deb; Depends: $(dpkg-deb -f "$deb" Depends))"
(cd "$work" && apt_quiet install -y "./$package.deb") >"$out/install.log" 2>&1 ||
  fail "apt-get install of $deb; see $out/install.log"
grep -E '^(Setting up|Processing triggers|The following NEW)' "$out/install.log" | head -40 || true

status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
[ "$status" = "install ok installed" ] || fail "dpkg lists $package as '$status'"
ok "dpkg: $package $(dpkg-query -W -f='${Version}' "$package") install ok installed"
[ "$(command -v smp-aftercare)" = /usr/bin/smp-aftercare ] || fail "smp-aftercare is not /usr/bin/smp-aftercare on PATH ($(command -v smp-aftercare || echo none))"
version=$(smp-aftercare --version) || fail "smp-aftercare --version"
ok "on PATH: /usr/bin/smp-aftercare, '$version'"
[ -f "$desktop" ] || fail "no desktop entry at $desktop"
desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
ok "desktop entry: $desktop (Exec=$(sed -n 's/^Exec=//p' "$desktop"))"
[ -f "$mime_xml" ] || fail "no MIME XML at $mime_xml"
ok "MIME XML: $mime_xml"
# update-mime-database's result (shared-mime-info's trigger).
[ -f /usr/share/mime/application/x-smpplan.xml ] && grep -q '\*\.smpplan' /usr/share/mime/globs2 ||
  fail "the MIME database has no $mime_type (update-mime-database did not run?)"
ok "MIME database: /usr/share/mime/application/x-smpplan.xml, *.smpplan in globs2"
# update-desktop-database's result (desktop-file-utils' trigger). The .deb
# depends on desktop-file-utils and shared-mime-info (tauri.conf.json), so
# apt brings them even on a system without a desktop environment.
dpkg-query -W -f='${db:Status-Abbrev}' desktop-file-utils 2>/dev/null | grep -q '^ii' ||
  fail "desktop-file-utils is not installed although the .deb depends on it: nothing runs update-desktop-database, so no link or file would open the app"
grep -qE "^$scheme=(.*;)?SMP Aftercare.desktop;" /usr/share/applications/mimeinfo.cache ||
  fail "mimeinfo.cache does not give $scheme to the entry (update-desktop-database did not run?)"
grep -qE "^$mime_type=(.*;)?SMP Aftercare.desktop;" /usr/share/applications/mimeinfo.cache ||
  fail "mimeinfo.cache does not give $mime_type to the entry"
ok "mimeinfo.cache: $scheme and $mime_type to SMP Aftercare.desktop"

# xdg-mime as a desktop session sees it: a clean HOME, GNOME's lookups.
xdg_env() {
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
    XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/home/.cache" \
    XDG_CURRENT_DESKTOP=GNOME "$@"
}
mkdir -p "$work/home"
default=$(xdg_env xdg-mime query default "$scheme")
[ "$default" = "SMP Aftercare.desktop" ] || fail "xdg-mime query default $scheme gives '$default'"
ok "xdg-mime query default $scheme: $default"
printf 'smpplan = 1\nprotocol = "four-to-thirty"\nsessions = ["2026-03-01"]\n' >"$work/plan.smpplan"
filetype=$(xdg_env xdg-mime query filetype "$work/plan.smpplan")
[ "$filetype" = "$mime_type" ] || fail "xdg-mime query filetype plan.smpplan gives '$filetype'"
ok "xdg-mime query filetype plan.smpplan: $filetype"
default=$(xdg_env xdg-mime query default "$mime_type")
[ "$default" = "SMP Aftercare.desktop" ] || fail "xdg-mime query default $mime_type gives '$default'"
ok "xdg-mime query default $mime_type: $default"

echo "==> 2. starting the app from its desktop entry (Xvfb, private D-Bus, HOME in $work/home)"
home=$work/home
mkdir -p "$home/.config" "$home/.local/share" "$home/.cache" "$home/.local/state" "$work/run"
chmod 700 "$work/run"
gui=0
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$home" USER="$(id -un)" \
  XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
  XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state" XDG_RUNTIME_DIR="$work/run" \
  dbus-run-session -- /usr/bin/python3 scripts/deb-install-test-gui.py "$desktop" \
  src-tauri/tests/support/notification_recorder.py "$out" >"$out/gui.log" 2>&1 || gui=$?
cat "$out/gui.log"
[ "$gui" -eq 0 ] || fail "the start from the desktop entry (exit $gui; see $out/gui.log)"
cp "$home/.local/share/app.smpaftercare.desktop/logs/smp-aftercare.log" "$out/app.log" 2>/dev/null || true

echo "==> 3. apt-get remove --purge -y $package"
dpkg -L "$package" | sort >"$out/dpkg-L.txt"
apt_quiet remove --purge -y "$package" >"$out/remove.log" 2>&1 ||
  fail "apt-get remove --purge of $package; see $out/remove.log"
if dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^[a-z]'; then
  fail "dpkg still knows $package after the purge: $(dpkg-query -W -f='${db:Status-Abbrev}' "$package")"
fi
ok "dpkg has no trace of $package"
while IFS= read -r p; do [ -e "$p" ] && echo "$p"; done <"$work/paths" >"$work/existing-after" || true
left=$(comm -13 "$work/existing-before" "$work/existing-after")
[ -z "$left" ] || fail "left behind by the purge: $left"
while IFS= read -r p; do
  [ "$p" = /. ] || [ -d "$p" ] || [ ! -e "$p" ] || fail "$p is still there after the purge"
done <"$out/dpkg-L.txt"
ok "none of the $(wc -l <"$work/paths") paths of the package is left (the $(wc -l <"$work/existing-before") that were there before stay)"
[ ! -e /usr/share/mime/application/x-smpplan.xml ] && ! grep -q '\*\.smpplan' /usr/share/mime/globs2 ||
  fail "the MIME database still has $mime_type after the purge"
ok "MIME database: $mime_type gone"
! grep -q 'SMP Aftercare.desktop' /usr/share/applications/mimeinfo.cache ||
  fail "mimeinfo.cache still lists SMP Aftercare.desktop"
default=$(xdg_env xdg-mime query default "$scheme")
[ -z "$default" ] || fail "xdg-mime query default $scheme still gives '$default'"
ok "mimeinfo.cache and xdg-mime no longer know the entry"
