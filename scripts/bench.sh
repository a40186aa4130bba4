#!/usr/bin/env bash
# `make bench`: every benchmark side by side in one run, then one table of ratios.
#   check   vs npm mailcheck 1.1.1   natively (bench/native) and as wasm under Node (bench/node.mjs)
#   explain vs Sisimai (Debian's libsisimai-perl), natively and as wasm under Node (bench/sisimai.pl)
#   wasm size raw and gzipped; peak RSS of the CLI (and of the peers) over the same inputs;
#   the browser figures from tests/browser/bench-ext.mjs when that file exists.
# Messages: ../shared/corpus/sisimai-dev/maildir relative to the repo root when present (SHARED_DIR
# overrides ../shared), else the project's bounce fixtures. Results: target/bench/ (report.md).
# Each measure is the best of three samples of at least BENCH_SECONDS (default 1) each.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out=target/bench
mkdir -p "$out"
min="${BENCH_SECONDS:-1}"
shared="${SHARED_DIR:-$root/../shared}"
say() { printf '[bench] %s\n' "$*" >&2; }

# Build: the CLI, the native harness (sharing target/ and the main lockfile).
say "building (release)"
cargo build --release --quiet
[ -f bench/native/Cargo.lock ] || cp Cargo.lock bench/native/Cargo.lock
cargo build --release --quiet --manifest-path bench/native/Cargo.toml --target-dir target
# The wasm again when any source is newer than it (a stale module would measure old code).
if [ ! -f target/pkg/tuixin_bg.wasm ] || [ -n "$(find src Cargo.toml Cargo.lock -newer target/pkg/tuixin_bg.wasm | head -1)" ]; then
  scripts/build-wasm.sh >&2
fi

# Inputs.
node bench/addresses.mjs 10000 >"$out/addresses.txt"
if [ -d "$shared/corpus/sisimai-dev/maildir" ]; then
  corpus="../shared/corpus/sisimai-dev/maildir"
  find "$shared/corpus/sisimai-dev/maildir" -type f | LC_ALL=C sort >"$out/files.txt"
else
  corpus="tests/fixtures (bounce messages)"
  find tests/fixtures -type f \( -name '*.eml' -o -name '*.txt' -o -name '*.msg' \) 2>/dev/null |
    grep -Evi 'recip|address|hostile' | LC_ALL=C sort >"$out/files.txt" || true
fi
if [ ! -s "$out/files.txt" ]; then
  echo "bench: no messages to explain (no ../shared corpus and no fixtures)" >&2
  exit 1
fi
say "$(wc -l <"$out/addresses.txt") addresses, $(wc -l <"$out/files.txt") messages from $corpus"

# The sides, one after another (never in parallel: they would share the cores).
say "native"
target/release/tuixin-bench "$out/addresses.txt" "$out/files.txt" "$min" >"$out/native.json"
say "node: mailcheck and wasm"
/usr/bin/time -f '%M' -o "$out/node.rss" node bench/node.mjs "$out/addresses.txt" "$out/files.txt" "$min" >"$out/node.json"
say "sisimai"
perl bench/sisimai.pl "$out/files.txt" "$min" >"$out/sisimai.json"

# explain against Sisimai again, in pairs run back to back: the machine's speed drifts over minutes
# (Sisimai 1,160–1,696 messages/s in runs of one day), so a ratio of two samples taken seconds apart
# is steadier than the ratio of the two sides above, taken a minute apart.
pairs="${BENCH_PAIRS:-3}"
say "explain: $pairs pairs of native and Sisimai samples back to back"
: >"$out/pairs.jsonl"
for _ in $(seq "$pairs"); do
  n="$(target/release/tuixin-bench - "$out/files.txt" "$min" | tail -1)"
  s="$(perl bench/sisimai.pl "$out/files.txt" "$min" | tail -1)"
  printf '{"native":%s,"sisimai":%s}\n' "$n" "$s" >>"$out/pairs.jsonl"
done

# Peak memory: whole processes over the same inputs.
say "peak memory"
mapfile -t files <"$out/files.txt"
/usr/bin/time -f '%M' -o "$out/cli-explain.rss" target/release/tuixin explain --json "${files[@]}" >/dev/null
/usr/bin/time -f '%M' -o "$out/cli-check.rss" target/release/tuixin check --json <"$out/addresses.txt" >/dev/null
/usr/bin/time -f '%M' -o "$out/sisimai.rss" perl bench/sisimai.pl "$out/files.txt" 0 >/dev/null
rss() { tail -1 "$1"; }
printf '{"cli_explain_kb":%s,"cli_check_kb":%s,"sisimai_kb":%s,"node_kb":%s}\n' \
  "$(rss "$out/cli-explain.rss")" "$(rss "$out/cli-check.rss")" "$(rss "$out/sisimai.rss")" "$(rss "$out/node.rss")" >"$out/memory.json"

# Browser figures (the extension's benchmark), when it exists.
rm -f "$out/browser.txt"
if [ -f tests/browser/bench-ext.mjs ]; then
  say "browser: tests/browser/bench-ext.mjs"
  node tests/browser/bench-ext.mjs >"$out/browser.txt" || say "bench-ext.mjs failed (status $?)"
fi

# The machine and versions.
wasm=target/pkg/tuixin_bg.wasm
json_str() { node -e 'process.stdout.write(JSON.stringify(process.argv[1]))' "$1"; }
{
  printf '{'
  printf '"wasm_raw":%s,"wasm_gz":%s,' "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)"
  printf '"corpus":%s,"min_seconds":%s,' "$(json_str "$corpus")" "$min"
  printf '"cpu":%s,' "$(json_str "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)")"
  printf '"cores":%s,"mem":%s,' "$(nproc)" "$(json_str "$(free -g | awk '/^Mem:/{print $2" GiB RAM"}')")"
  printf '"os":%s,' "$(json_str "$( (. /etc/os-release && echo "$PRETTY_NAME") ), Linux $(uname -r)")"
  printf '"load":%s,' "$(json_str "$(cut -d' ' -f1-3 /proc/loadavg)")"
  printf '"rustc":%s,' "$(json_str "$(rustc --version)")"
  printf '"perl":%s,' "$(json_str "$(perl -e 'printf "%vd", $^V')")"
  printf '"mailcheck":%s,' "$(json_str "$(node -p 'require("./node_modules/mailcheck/package.json").version')")"
  printf '"commit":%s,' "$(json_str "$(git log -1 --format='%h %s' | cut -c1-80)")"
  printf '"date":%s' "$(json_str "$(date -u +'%Y-%m-%d %H:%M UTC')")"
  printf '}\n'
} >"$out/env.json"

node bench/report.mjs "$out"
