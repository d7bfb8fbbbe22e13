#!/usr/bin/env bash
# Installs what this project needs on a fresh Debian 12 machine that has a
# Rust toolchain (rustup). Safe to run again: it only installs what is missing.
set -euo pipefail

missing=()
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^${component}"; then
    missing+=("$component")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: adding rustup components: ${missing[*]}"
  rustup component add "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "setup: cargo is not on PATH; install Rust with rustup first" >&2
  exit 1
fi
