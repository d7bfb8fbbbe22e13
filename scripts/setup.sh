#!/usr/bin/env bash
# Installs what SMP Aftercare needs on a fresh Debian 12 (or Ubuntu) machine
# that has a Rust toolchain (rustup) and Node.js with npm. Safe to run again:
# it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: Tauri's WebKitGTK stack; for the tests a virtual display,
# a private D-Bus, python3-dbus/gi for the notification recorder, Debian's
# chromium for the UI's browser tests (never a downloaded browser), and for
# the end-to-end tests of the app WebKitGTK's WebDriver (WebKitWebDriver)
# and the locale sources (the app is shown in British English); for the
# .deb's check (scripts/check-deb.sh) its desktop-entry and XML validators;
# libdbus-1-dev (with pkg-config) for the notifications over libdbus.
apt_packages=(
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev
  libjavascriptcoregtk-4.1-dev libayatana-appindicator3-dev libxdo-dev libdbus-1-dev
  build-essential pkg-config xvfb xauth x11-utils xdotool dbus dbus-x11 python3 python3-dbus python3-gi
  chromium webkit2gtk-driver locales desktop-file-utils libxml2-utils
  sqlite3 # the crash test's look at the store after each SIGKILL
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Rust components used by the test command.
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^${component}"; then
    rustup component add "$component"
  fi
done

# tauri-driver: the WebDriver server the end-to-end tests start the app
# with (it drives WebKitWebDriver). Built from crates.io once, in about 30 s.
if ! command -v tauri-driver >/dev/null && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  cargo install tauri-driver --version 2.1.0 --locked
fi

# Node packages: the UI's build and test tools, exactly as locked. Skipped
# when node_modules already matches the lock file.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi
