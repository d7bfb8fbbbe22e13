#!/usr/bin/env bash
# Builds the Linux .deb from the debug build and checks what it holds,
# without installing it (an install on a clean system is another check):
#
#   scripts/check-deb.sh [--no-build]
#
# --no-build packs target/debug/smp-aftercare as it is (scripts/test.sh:
# `cargo test` has just built it, and a `cargo build -p` would relink it
# with other features, 20-60 s).
#
# - the binary: /usr/bin/smp-aftercare, an ELF executable that answers
#   --version (the command line is read before Tauri opens a display);
# - the desktop entry: Exec passes the link or file (`smp-aftercare %u`),
#   Categories is Utility, MimeType lists the plan file's type and the link scheme, and
#   desktop-file-validate accepts it;
# - the shared-mime-info entry /usr/share/mime/packages/smp-aftercare.xml:
#   well-formed (xmllint), the type of tauri.conf.json's fileAssociations,
#   glob *.smpplan;
# - the icons: hicolor NxN/apps/smp-aftercare.png, each N by N pixels.
#
# Every expected value is read from src-tauri/tauri.conf.json. Writes only
# under target/: the bundle in target/debug/bundle/deb/, the unpacked copy
# in a temporary target/check-deb.* folder, removed at the end.
#
# Why `cargo build` then `tauri bundle`, not `tauri build`: the latter runs
# `beforeBuildCommand` (a UI rebuild, which the binary embeds, so cargo
# recompiles the app) and sets TAURI_CONFIG for cargo (which recompiles the
# app crate again); this packs the binary the tests just built.
set -euo pipefail
cd "$(dirname "$0")/.."

build=yes
case "${1:-}" in
  "") ;;
  --no-build) build=no ;;
  *) echo "usage: scripts/check-deb.sh [--no-build]" >&2; exit 2 ;;
esac

conf=src-tauri/tauri.conf.json
started=$SECONDS

# The app's binary, debug profile, as `tauri build --debug` would build it.
if [ "$build" = yes ]; then
  cargo build --locked -p smp-aftercare --bin smp-aftercare
elif [ ! -x target/debug/smp-aftercare ]; then
  echo "check-deb: --no-build, but target/debug/smp-aftercare is not built" >&2
  exit 1
fi

bundle_dir=target/debug/bundle/deb
rm -f "$bundle_dir"/*.deb
ui/node_modules/.bin/tauri bundle --debug --bundles deb
shopt -s nullglob
debs=("$bundle_dir"/*.deb)
shopt -u nullglob
if [ "${#debs[@]}" -ne 1 ]; then
  echo "check-deb: expected one .deb in $bundle_dir, found ${#debs[@]}" >&2
  exit 1
fi
deb=${debs[0]}

work=$(mktemp -d target/check-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
dpkg-deb -c "$deb" >"$work/contents"
dpkg-deb -x "$deb" "$work/root"

# The paths the package lists, and what they hold, against the config.
python3 - "$conf" "$deb" "$work/contents" "$work/root" <<'PY'
import configparser, json, os, re, struct, subprocess, sys
import xml.etree.ElementTree as ET

conf_path, deb, contents_path, root = sys.argv[1:]
conf = json.load(open(conf_path))
binary = conf["mainBinaryName"]
product = conf["productName"]
assoc = conf["bundle"]["fileAssociations"][0]
mime, ext = assoc["mimeType"], assoc["ext"][0]
schemes = conf["plugins"]["deep-link"]["desktop"]["schemes"]
failures = []

def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)

control = subprocess.run(["dpkg-deb", "-f", deb, "Package", "Depends"],
                         capture_output=True, text=True, check=True).stdout
check(f"Package: {binary}\n" in control, f"the package is named {binary}")
check("libwebkit2gtk-4.1-0" in control, "it depends on libwebkit2gtk-4.1-0")
for dep in ("desktop-file-utils", "shared-mime-info"):
    # Their dpkg triggers register the link scheme and the plan file's type.
    check(dep in control, f"it depends on {dep}")
# Notifications go over the system's libdbus (notify-rust's `d` feature).
check("libdbus-1-3" in control, "it depends on libdbus-1-3")
# Links and files open through xdg-open on Linux (src-tauri/src/opener.rs).
check("xdg-utils" in control, "it depends on xdg-utils")

listed = {line.rstrip("\n").split(None, 5)[5].lstrip("./").rstrip("/")
          for line in open(contents_path) if line.strip()}

# The binary.
exe = os.path.join(root, "usr/bin", binary)
check(f"usr/bin/{binary}" in listed and os.access(exe, os.X_OK),
      f"/usr/bin/{binary} is listed and executable")
with open(exe, "rb") as f:
    check(f.read(4) == b"\x7fELF", f"/usr/bin/{binary} is an ELF binary")
version = subprocess.run([exe, "--version"], capture_output=True, text=True)
check(version.returncode == 0 and version.stdout == f"{binary} {conf['version']}\n",
      f"/usr/bin/{binary} --version says {binary} {conf['version']} ({version.stdout.strip()!r})")

# The desktop entry.
desktop_rel = f"usr/share/applications/{product}.desktop"
check(desktop_rel in listed, f"/{desktop_rel} is listed")
entry = configparser.ConfigParser(interpolation=None)
entry.optionxform = str
entry.read(os.path.join(root, desktop_rel), encoding="utf-8")
d = entry["Desktop Entry"]
check(d.get("Exec") == f"{binary} %u", f"Exec is `{binary} %u` ({d.get('Exec')!r})")
check(d.get("Categories") == "Utility;", f"Categories is `Utility;` ({d.get('Categories')!r})")
check(d.get("Name") == product and d.get("Icon") == binary and d.get("Type") == "Application",
      "Name, Icon and Type")
types = [t for t in d.get("MimeType", "").split(";") if t]
for t in [mime] + [f"x-scheme-handler/{s}" for s in schemes]:
    check(t in types, f"MimeType lists {t} ({d.get('MimeType')!r})")

# The shared-mime-info entry.
mime_rel = "usr/share/mime/packages/smp-aftercare.xml"
check(mime_rel in listed, f"/{mime_rel} is listed")
ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
info = ET.parse(os.path.join(root, mime_rel)).getroot()
check(info.tag == f"{ns}mime-info", "the MIME file is a shared-mime-info document")
declared = {t.get("type"): [g.get("pattern") for g in t.findall(f"{ns}glob")]
            for t in info.findall(f"{ns}mime-type")}
check(declared == {mime: [f"*.{ext}"]}, f"it declares {mime} for *.{ext} ({declared})")

# The icons: NxN/apps/<binary>.png, N by N pixels (a `@2` folder's size is
# the bundler's choice and only shown).
icons = sorted(p for p in listed
               if re.fullmatch(rf"usr/share/icons/hicolor/[^/]+/apps/{re.escape(binary)}\.png", p))
check(any("/32x32/" in p for p in icons) and any("/128x128/" in p for p in icons),
      "32x32 and 128x128 icons are listed")
for p in icons:
    with open(os.path.join(root, p), "rb") as f:
        head = f.read(24)
    is_png = head[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", head[16:24]) if is_png else (0, 0)
    folder = p.split("/")[4]
    m = re.fullmatch(r"(\d+)x(\d+)", folder)
    if m:
        check(is_png and (w, h) == (int(m[1]), int(m[2])), f"/{p} is a {w}x{h} PNG")
    else:
        check(is_png, f"/{p} is a PNG ({w}x{h}, folder {folder})")

sys.exit(1 if failures else 0)
PY

desktop-file-validate "$work/root/usr/share/applications/"*.desktop
xmllint --noout "$work/root/usr/share/mime/packages/smp-aftercare.xml"
echo "check-deb: ${deb} is as configured ($((SECONDS - started)) s)"
