#!/usr/bin/env bash
# `make bench`: recipient fields checked per second, natively and as wasm under Node, side by side
# in the same run with npm mailcheck 1.1.1 on the same inputs, printed as ratios; and the time of
# one 50-recipient field as wasm. Targets (issue 2): native >= 10x mailcheck, wasm >= 3x, 50
# recipients <= 1 ms as wasm. A benchmark, not a test: it prints, it does not fail.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
inputs=target/bench-inputs.txt
# The typed addresses of the project's own fixture table, plus the shared dev corpus when it sits
# beside the checkout (read in place, never copied into the project).
grep -v '^#' tests/fixtures/recipients/rules.tsv | cut -f1 | grep -v '^$' > "$inputs"
if [ -f ../shared/corpus/recipients-dev.tsv ]; then
  tail -n +2 ../shared/corpus/recipients-dev.tsv | cut -f1 >> "$inputs"
fi
[ -f target/pkg/tuixin_bg.wasm ] || scripts/build-wasm.sh
cargo build --quiet --release --example bench_recipients
native=$(target/release/examples/bench_recipients "$inputs" 200)
node scripts/bench-recipients.mjs "$inputs" "$native"
