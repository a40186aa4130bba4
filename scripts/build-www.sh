#!/usr/bin/env bash
# Builds the static page: www/ plus the analyzer (target/pkg from scripts/build-wasm.sh) → dist/www.
# Screenshots of the extension (docs/screenshots/*.png|jpg|webp), when there are any, are copied to
# dist/www/screenshots/ and listed in screenshots/index.json; the extension's packages
# (dist/tuixin-*.zip), when built, go to dist/www/download/ and download/index.json. The install
# section reads both lists and shows what is there.
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/www
if [ ! -f target/pkg/tuixin.js ] || [ ! -f target/pkg/tuixin_bg.wasm ]; then
  echo "build-www: target/pkg is missing; run scripts/build-wasm.sh first" >&2
  exit 1
fi
rm -rf "$out" && mkdir -p "$out/pkg"
cp -R www/. "$out/"
rm -rf "$out/pkg" && mkdir -p "$out/pkg"
cp target/pkg/tuixin.js target/pkg/tuixin_bg.wasm "$out/pkg/"

shots=()
if [ -d docs/screenshots ]; then
  while IFS= read -r f; do shots+=("$f"); done < <(find docs/screenshots -maxdepth 1 -type f \
    \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.webp' \) -printf '%f\n' | LC_ALL=C sort)
fi
mkdir -p "$out/screenshots"
echo '[]' > "$out/screenshots/index.json"
if [ ${#shots[@]} -gt 0 ]; then
  for f in "${shots[@]}"; do cp "docs/screenshots/$f" "$out/screenshots/"; done
  # Captions from docs/screenshots/captions.json ({"file.png": {"zh": "...", "en": "..."}}) when present.
  python3 - "$out/screenshots/index.json" "${shots[@]}" <<'PY'
import json, os, sys
dest, files = sys.argv[1], sys.argv[2:]
captions = {}
if os.path.exists('docs/screenshots/captions.json'):
    with open('docs/screenshots/captions.json', encoding='utf-8') as f:
        captions = json.load(f)
items = []
for name in files:
    item = {'file': name}
    c = captions.get(name)
    if isinstance(c, dict):
        item.update({k: v for k, v in c.items() if k in ('zh', 'en') and isinstance(v, str)})
    elif isinstance(c, str):
        item['caption'] = c
    items.append(item)
with open(dest, 'w', encoding='utf-8') as f:
    json.dump(items, f, ensure_ascii=False, indent=1)
PY
fi
# The extension's packages (scripts/build-extension.sh), when built, offered for download.
mkdir -p "$out/download"
dl=()
for f in tuixin-chromium.zip tuixin-firefox.zip; do
  if [ -f "dist/$f" ]; then cp "dist/$f" "$out/download/" && dl+=("\"$f\""); fi
done
(IFS=,; echo "[${dl[*]}]") > "$out/download/index.json"
echo "www: $out ($(find "$out" -type f | wc -l) files, ${#shots[@]} screenshots, ${#dl[@]} packages)"
