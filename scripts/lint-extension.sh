#!/usr/bin/env bash
# web-ext lint of the built extension, every file including the generated wasm-bindgen glue; fails on
# any error. The one expected warning is BACKGROUND_SERVICE_WORKER_IGNORED: Firefox uses
# background.scripts, Chromium the service_worker, and the manifest carries both on purpose.
# (If a wasm-bindgen upgrade brings back the glue's `new Function` fallback, web-ext warns
# DANGEROUS_EVAL on pkg/tuixin.js: a warning, not an error; the path never runs where globalThis exists.)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/extension/manifest.json ] || scripts/build-extension.sh
node_modules/.bin/web-ext lint --source-dir dist/extension --no-input "$@"
