#!/usr/bin/env bash
# Installs what building and testing tuixin needs on a fresh Debian machine (run as root).
# Idempotent: each step checks first, so a second run costs about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }

# Debian packages: Chromium for the browser tests, Firefox ESR for the www page's Firefox test,
# a CJK font so screenshots show Chinese, Sisimai (Perl) as the peer in the bounce benchmark.
need=()
[ -x /usr/lib/chromium/chromium ] || need+=(chromium)
[ -x /usr/lib/firefox-esr/firefox-esr ] || need+=(firefox-esr)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
perl -MSisimai -e1 >/dev/null 2>&1 || need+=(libsisimai-perl)
command -v gzip >/dev/null 2>&1 || need+=(gzip)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need root to install ${need[*]} with apt-get" >&2
    exit 2
  fi
  say "apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Rust: the wasm target, and the wasm-bindgen CLI at exactly the crate's pinned version.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
  say "cargo install wasm-bindgen-cli $want (about two minutes)"
  cargo install wasm-bindgen-cli --version "$want" --locked --quiet
fi

# npm: the committed lockfile, exactly.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ok"
