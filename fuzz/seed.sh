#!/usr/bin/env bash
# Builds the fuzz seed corpus in fuzz/corpus/<target>/ (gitignored) from the project's fixtures,
# plus the shared development corpus at ../shared (relative to the repo root; SHARED_DIR overrides)
# when it is present.
#   recipients: every line of the address fixtures (first column of .tsv), plus hand-picked oddities
#   bounce:     every bounce fixture file (.eml .txt .msg) and the shared maildir
#   mbox:       the .mbox fixtures, and small mboxes assembled from small bounce fixtures
# Files over 256 KiB are left out (libFuzzer mutates small inputs best).
# A target's corpus is seeded once (marker fuzz/corpus/.seeded-<target>), so a corpus minimised with
# `cargo fuzz cmin` stays minimised; FUZZ_RESEED=1 adds the seeds again (after new fixtures).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/fuzz/corpus"
mkdir -p "$corpus/recipients" "$corpus/bounce" "$corpus/mbox"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/recipients" "$out/bounce" "$out/mbox"

# A content-addressed copy: the same seed twice is one file.
put() { # target < data
  local tmp
  tmp=$(mktemp)
  cat >"$tmp"
  if [ -s "$tmp" ] && [ "$(stat -c %s "$tmp")" -le 262144 ]; then
    mv "$tmp" "$out/$1/seed-$(sha1sum "$tmp" | cut -c1-16)"
  else
    rm -f "$tmp"
  fi
}

# Recipients: built-in oddities first (one field per seed).
while IFS= read -r line; do printf '%s' "$line" | put recipients; done <<'SEEDS'
zhangsan@qq.com
张三 <zhangsan@qq.com>; 李四 <lisi@163.com>
zhangsan＠qq。com，lisi@126.con、wangwu@yeah.net
"Wang, Wu" <wangwu@sina.com>, 12345@qq.com
zhang​san@qq.com
lisi@gmai|.com; 1i5i@l63.com
pаypal@qq.com
‮moc.qq@nasgnahz
xn--fiqs8s@xn--fiqs8s.com; 用户@例子.广告
13800138000@139.com, a@b, @qq.com, zhangsan@, zhangsan qq.com
SEEDS

fixtures="$root/tests/fixtures"
shared="${SHARED_DIR:-$root/../shared}/corpus"
if [ -d "$fixtures" ]; then
  # Address tables: any .tsv/.txt whose path mentions recip or address; the first column of each line.
  find "$fixtures" -type f \( -name '*.tsv' -o -name '*.txt' -o -name '*.csv' \) | grep -Ei 'recip|address|check' |
    while IFS= read -r f; do
      cut -f1 "$f" | grep -v '^#' | head -5000 | while IFS= read -r line; do
        [ -n "$line" ] && printf '%s' "$line" | put recipients
      done
    done || true
  find "$fixtures" -type f \( -name '*.eml' -o -name '*.msg' -o -name '*.txt' \) | grep -Evi 'recip|address' |
    while IFS= read -r f; do put bounce <"$f"; done || true
  find "$fixtures" -type f -name '*.mbox' | while IFS= read -r f; do put mbox <"$f"; done || true
fi
if [ -f "$shared/recipients-dev.tsv" ]; then
  tail -n +2 "$shared/recipients-dev.tsv" | cut -f1 | while IFS= read -r line; do
    [ -n "$line" ] && printf '%s' "$line" | put recipients
  done
fi
if [ -d "$shared/sisimai-dev/maildir" ]; then
  find "$shared/sisimai-dev/maildir" -type f | while IFS= read -r f; do put bounce <"$f"; done
fi

# Small mboxes from groups of three bounce seeds under 3 KB (an mbox fits the mbox target's 8 KB
# max_len; big messages are the bounce target's business).
mapfile -t seeds < <(find "$out/bounce" -type f -size -3k | sort | head -300)
for ((i = 0; i + 2 < ${#seeds[@]}; i += 3)); do
  for f in "${seeds[@]:i:3}"; do
    printf 'From MAILER-DAEMON Thu Dec  3 02:00:00 2026\n'
    sed 's/^From />From /' "$f"
    printf '\n'
  done | put mbox
done
for t in recipients bounce mbox; do
  if [ ! -e "$corpus/.seeded-$t" ] || [ "${FUZZ_RESEED:-0}" = 1 ]; then
    find "$out/$t" -type f -exec mv -f -t "$corpus/$t/" {} +
    touch "$corpus/.seeded-$t"
  fi
  echo "corpus $t: $(find "$corpus/$t" -type f | wc -l) files"
done
