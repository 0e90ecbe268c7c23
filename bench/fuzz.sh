#!/usr/bin/env bash
# Runs one libFuzzer target of Fuzz/ for SECONDS, every module built with AddressSanitizer and
# coverage. The seed corpus is generated from this repository (its program files, its own commit
# and tree objects, messages and a mailmap), never downloaded; what the fuzzer adds is kept in
# .build-fuzz/corpus/TARGET (ignored by git) so later runs go on from there. A crash, a leak or a
# sanitizer report is written to .build-fuzz/findings/TARGET/ and ends the run with a non-zero status.
# Usage: bench/fuzz.sh TARGET SECONDS     bench/fuzz.sh list
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/script/bootstrap"
install_build_dependencies
SCRATCH="$ROOT/.build-fuzz"
libfuzzer=$(ls "$(dirname "$(dirname "$(command -v swiftc)")")"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -n 1)
[ -n "$libfuzzer" ] || { echo "bench/fuzz.sh: libclang_rt.fuzzer_no_main not found beside swiftc" >&2; exit 2; }
coverage=edge,inline-8bit-counters,pc-table,trace-cmp
swift build --package-path "$ROOT/Fuzz" --scratch-path "$SCRATCH/build" -c release --product vouch-fuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=$coverage \
  -Xcc -fsanitize=address -Xcc -fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp \
  -Xlinker "$libfuzzer" -Xlinker -lstdc++ >&2
FUZZ="$SCRATCH/build/release/vouch-fuzz"
if [ "${1:-list}" = list ]; then "$FUZZ" 2>&1 | tail -n +2; exit 0; fi
TARGET=$1 SECONDS_TO_RUN=${2:-60}

seeds="$SCRATCH/seeds/$TARGET"
rm -rf "$seeds"; mkdir -p "$seeds" "$SCRATCH/corpus/$TARGET" "$SCRATCH/findings/$TARGET"
n=0
seed() { n=$((n + 1)); cat > "$seeds/seed-$n"; }
case "$TARGET" in
  front-matter) for f in "$ROOT"/controls/*.md "$ROOT"/system/*.md; do seed < "$f"; done ;;
  policy) for f in "$ROOT"/policies/*.md; do seed < "$f"; done ;;
  configuration) seed < "$ROOT/vouch.yml"; sed "s/type: 2/type: 1/" "$ROOT/vouch.yml" | seed ;;
  registers)
    for v in "$ROOT"/vendors/*.md; do
      r=$(ls "$ROOT"/risks/*.md | head -n $(( (n % 12) + 1 )) | tail -n 1)
      { cat "$v"; printf '\0'; cat "$r"; printf '\0'; cat "$ROOT/people/people.csv"; } | seed
    done ;;
  commit) git -C "$ROOT" rev-list --max-count=200 HEAD | while read -r id; do git -C "$ROOT" cat-file commit "$id" | seed; done ;;
  tree) git -C "$ROOT" rev-list --max-count=50 HEAD | while read -r id; do git -C "$ROOT" cat-file tree "$id^{tree}" | seed; done ;;
  message) git -C "$ROOT" rev-list --max-count=200 HEAD | while read -r id; do git -C "$ROOT" log -1 --format=%B "$id" | seed; done
           printf 'Fix rounding\n\n```\n--- a/x\n+++ b/x\n```\n\nChange-Id: I0123\nReviewed-on: https://review.example.com/1\nReviewed-by: A <a@example.com>\n' | seed ;;
  mailmap) printf 'Dana Reyes <dana@example.com> <dreyes@old.example.com>\n<dana@example.com> Dana <DANA@example.com>\n# comment\nSam <sam@example.com>\n' | seed ;;
  notes) printf 'Approved-by: Dana Reyes <dana@example.com>\nReviewed-by: Sam <sam@example.com>\n' | seed
         printf 'Code-Review+2: Dana Reyes <dana@example.com>\nVerified+1: CI <ci@example.com>\n' | seed
         printf 'Acknowledged: information-security 0123456789abcdef0123456789abcdef01234567 2026-03-01 Dana Reyes <dana@example.com>\n' | seed ;;
  *) echo "bench/fuzz.sh: unknown target '$TARGET' (bench/fuzz.sh list)" >&2; exit 2 ;;
esac

cd "$SCRATCH/findings/$TARGET"
echo "fuzzing $TARGET for $SECONDS_TO_RUN s with $n seeds ($(nproc) cores; $(date -u +%FT%TZ))" >&2
"$FUZZ" "$TARGET" -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -print_final_stats=1 "$SCRATCH/corpus/$TARGET" "$seeds"
