#!/usr/bin/env bash
# Builds the analyzer as wasm for the browser: cargo (profile wasm-release) → wasm-bindgen
# (--target web, the CLI pinned to the crate's version) → wasm-opt from npm binaryen
# (Debian's binaryen 108 corrupts wasm-bindgen output; see ARCHITECTURE.md). Output: target/pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/pkg
cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm-release --no-default-features
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/wasm-release/tuixin.wasm
# The JavaScript modules src/wasm.rs imports (src/wasm_report.js) go into tuixin.js itself, so the
# extension and the page keep loading two files (tuixin.js, tuixin_bg.wasm).
node scripts/inline-snippets.mjs "$out"
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$out/tuixin_bg.wasm" -o "$out/tuixin_bg.wasm"
raw=$(stat -c %s "$out/tuixin_bg.wasm")
gz=$(gzip -9c "$out/tuixin_bg.wasm" | wc -c)
echo "wasm: $raw bytes, $gz gzipped ($out/tuixin_bg.wasm)"
# The size budget of the issue: the analyzer ships inside an extension and a page, ≤ 500 KB gzipped.
budget=500000
if [ "$gz" -gt "$budget" ]; then
  echo "wasm: $gz bytes gzipped is over the budget of $budget" >&2
  exit 1
fi
