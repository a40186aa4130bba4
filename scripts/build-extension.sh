#!/usr/bin/env bash
# Packs the browser extension: extension/ + the wasm from target/pkg (scripts/build-wasm.sh) →
# dist/extension/ (load unpacked), and the store packages:
#   dist/tuixin-chromium.zip  Chrome Web Store / Edge Add-ons: manifest without the Firefox-only keys
#                             (background.scripts, browser_specific_settings), which Chromium warns about;
#   dist/tuixin-firefox.zip   AMO: the manifest as written (background.scripts next to service_worker,
#                             gecko id and data_collection_permissions, as web-ext lint requires).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/pkg/tuixin_bg.wasm ] || scripts/build-wasm.sh
out=dist/extension
# zip without depending on the zip package: python3's zipfile, sorted, fixed timestamps (reproducible).
zipdir() {
  python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            if f.startswith("."):
                continue
            p = os.path.join(root, f)
            info = zipfile.ZipInfo(os.path.relpath(p, src), date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(p, "rb") as fh:
                z.writestr(info, fh.read())
PY
}
rm -rf "$out" dist/tuixin-chromium.zip dist/tuixin-firefox.zip
mkdir -p "$out/pkg"
cp -R extension/. "$out/"
rm -f "$out"/*.md # reviewers' notes and the store text stay out of the package
cp target/pkg/tuixin.js target/pkg/tuixin_bg.wasm "$out/pkg/"
node -e '
  const fs = require("fs");
  const m = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  delete m.browser_specific_settings;
  delete m.background.scripts;
  fs.mkdirSync(process.argv[2], { recursive: true });
  fs.writeFileSync(process.argv[2] + "/manifest.json", JSON.stringify(m, null, 2) + "\n");
' "$out/manifest.json" dist/.chromium-manifest
zipdir "$out" dist/tuixin-firefox.zip
tmp=dist/.chromium
rm -rf "$tmp" && cp -R "$out" "$tmp" && cp dist/.chromium-manifest/manifest.json "$tmp/manifest.json"
zipdir "$tmp" dist/tuixin-chromium.zip
rm -rf "$tmp" dist/.chromium-manifest
echo "extension: $out/ ($(du -sk "$out" | cut -f1) KB), dist/tuixin-chromium.zip ($(stat -c %s dist/tuixin-chromium.zip) bytes), dist/tuixin-firefox.zip ($(stat -c %s dist/tuixin-firefox.zip) bytes)"
