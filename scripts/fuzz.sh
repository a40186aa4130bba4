#!/usr/bin/env bash
# Fuzzes the analyzer core with cargo-fuzz (libFuzzer) on the nightly toolchain.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (make fuzz SECONDS_EACH=600)
#   FUZZ_RUNS=10000000 scripts/fuzz.sh 7200 bounce         (stop at 10 M executions, or 2 h at most)
#   FUZZ_TIMEOUT=900 ...   (seconds one input may take before it counts as a hang; default 10. Raise it
#                           for a run that will be paused with SIGSTOP, e.g. while a benchmark runs)
# Run it under `nice -n 19` on a shared machine.
# Targets: recipients, bounce, mbox (fuzz/fuzz_targets/). One job at a time (shared 2-core machines).
# Seeds come from fuzz/seed.sh; the corpus grows in fuzz/corpus/<target>/ and crashes land in
# fuzz/artifacts/<target>/ (both gitignored). A crash becomes a fixture in tests/fixtures/hostile/
# and a test in tests/hostile.rs. Prints executions per target; appends them to fuzz/runs.tsv.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(recipients bounce mbox)

toolchain="${FUZZ_TOOLCHAIN:-nightly}"
# The core has no `unsafe`, so AddressSanitizer buys little and costs 2-3x in executions; set
# FUZZ_SANITIZER=address to run with it anyway (it watches the dependencies' unsafe code).
sanitizer="${FUZZ_SANITIZER:-none}"
if ! rustup run "$toolchain" rustc --version >/dev/null 2>&1; then
  echo "fuzz: needs the $toolchain toolchain (rustup toolchain list)" >&2
  exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] cargo install cargo-fuzz --locked"
  cargo install cargo-fuzz --locked --quiet
fi
# Same dependency versions as the main crate: start from its lockfile.
[ -f fuzz/Cargo.lock ] || cp Cargo.lock fuzz/Cargo.lock
fuzz/seed.sh

# Input size cap per target (see fuzz/README.md): a recipient field is short; a bounce notice's
# headers and explanation fit in 8 KB, and so does an mbox of a few small ones (fuzz/seed.sh). Bigger
# inputs cost time per execution for few new paths (the core's size caps), which tests/hostile.rs
# covers with huge inputs.
max_len() { case "$1" in recipients) echo 4096 ;; *) echo 8192 ;; esac; }
dict() { case "$1" in recipients) echo "$root/fuzz/dict/recipients.dict" ;; *) echo "$root/fuzz/dict/bounce.dict" ;; esac; }

log_dir=target/fuzz-logs
mkdir -p "$log_dir"
[ -f fuzz/runs.tsv ] || printf 'date\ttarget\tseconds\texecutions\texec_per_s\tcorpus\tcrashes\tsanitizer\tcommit\n' >fuzz/runs.tsv
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
printf '%-12s %9s %14s %10s %8s %8s\n' target seconds executions exec/s corpus crashes
status=0
for t in "${targets[@]}"; do
  log="$log_dir/$t.log"
  set +e
  dict_arg=()
  [ -s "$(dict "$t")" ] && dict_arg=(-dict="$(dict "$t")")
  runs_arg=()
  [ -n "${FUZZ_RUNS:-}" ] && runs_arg=(-runs="$FUZZ_RUNS")
  started=$SECONDS
  cargo +"$toolchain" fuzz run --release --sanitizer "$sanitizer" --jobs 1 "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -max_len="$(max_len "$t")" "${dict_arg[@]}" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=4096 \
    -print_final_stats=1 "${runs_arg[@]}" >"$log" 2>&1
  rc=$?
  elapsed=$((SECONDS - started))
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ -z "$execs" ]; then # killed or crashed before the final stats: the last status line
    execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  fi
  execs=${execs:-0}
  per_s=$((execs / (elapsed > 0 ? elapsed : 1)))
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  crashes=$(find "fuzz/artifacts/$t" -type f 2>/dev/null | wc -l)
  printf '%-12s %9s %14s %10s %8s %8s\n' "$t" "$elapsed" "$execs" "$per_s" "$corpus" "$crashes"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$elapsed" "$execs" "$per_s" "$corpus" "$crashes" "$sanitizer" "$commit" >>fuzz/runs.tsv
  if [ "$rc" -ne 0 ]; then
    echo "fuzz: $t stopped with status $rc; see $log and fuzz/artifacts/$t/" >&2
    grep -E 'panicked at|ERROR: libFuzzer|SUMMARY' "$log" | head -5 >&2 || true
    status=1
  fi
done
exit $status
