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
if [ "${1:-list}" = list ]; then { "$FUZZ" 2>&1 || true; } | tail -n +2; exit 0; fi
TARGET=$1 SECONDS_TO_RUN=${2:-60}

seeds="$SCRATCH/seeds/$TARGET"
rm -rf "$seeds"; mkdir -p "$seeds" "$SCRATCH/corpus/$TARGET" "$SCRATCH/findings/$TARGET"
# Each seed gets a file of its own: `seed` often runs in a pipeline's subshell, where a counter
# would not advance.
seed() { cat > "$(mktemp "$seeds/seed-XXXXXXXX")"; }
case "$TARGET" in
  front-matter) for f in "$ROOT"/controls/*.md "$ROOT"/system/*.md; do seed < "$f"; done ;;
  policy) for f in "$ROOT"/policies/*.md; do seed < "$f"; done ;;
  configuration) seed < "$ROOT/vouch.yml"; sed "s/type: 2/type: 1/" "$ROOT/vouch.yml" | seed ;;
  registers)
    i=0
    for v in "$ROOT"/vendors/*.md; do
      i=$((i + 1)); r=$(ls "$ROOT"/risks/*.md | head -n $(( (i % 12) + 1 )) | tail -n 1)
      { cat "$v"; printf '\0'; cat "$r"; printf '\0'; cat "$ROOT/people/people.csv"; } | seed
    done ;;
  commit) git -C "$ROOT" rev-list --max-count=200 HEAD | while read -r id; do git -C "$ROOT" cat-file commit "$id" | seed; done ;;
  tree) git -C "$ROOT" rev-list --max-count=50 HEAD | while read -r id; do git -C "$ROOT" cat-file tree "$id^{tree}" | seed; done ;;
  message) git -C "$ROOT" rev-list --max-count=200 HEAD | while read -r id; do git -C "$ROOT" log -1 --format=%B "$id" | seed; done
           printf 'Fix rounding\n\n```\n--- a/x\n+++ b/x\n```\n\nChange-Id: I0123\nReviewed-on: https://review.example.com/1\nReviewed-by: A <a@example.com>\n' | seed ;;
  mailmap) printf 'Dana Reyes <dana@example.com> <dreyes@old.example.com>\n<dana@example.com> Dana <DANA@example.com>\n# comment\nSam <sam@example.com>\n' | seed ;;
  notes) printf 'Approved-by: Dana Reyes <dana@example.com>\nReviewed-by: Sam <sam@example.com>\n' | seed
         printf 'Code-Review+2: Dana Reyes <dana@example.com>\nVerified+1: CI <ci@example.com>\n' | seed
         printf 'Acknowledged: information-security 0123456789abcdef0123456789abcdef01234567 2026-03-01 Dana Reyes <dana@example.com>\n' | seed
         printf 'Approved-by: Dana Reyes <dana@example.com>\nApproval-signature: -----BEGIN SSH SIGNATURE-----\n U1NIU0lHAAAAAQ==\n -----END SSH SIGNATURE-----\n\nAcknowledged: security abc 2026-03-01 Sam <sam@example.com>\nAcknowledgement-signature: -----BEGIN PGP SIGNATURE-----\n \n iHUEABYKAB0WIQ==\n -----END PGP SIGNATURE-----\n' | seed ;;
  allowed-signers)
    printf 'dana@example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGVeGBAXwrwgzIhdt7ykgbp8yyyl0vQ3uBiHoXKqTCiR\n' | seed
    printf '# team keys\n*@example.com,!mallory@example.com namespaces="git,vouch-approval" valid-after="20260101",valid-before="20270101Z" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGVeGBAXwrwgzIhdt7ykgbp8yyyl0vQ3uBiHoXKqTCiR dana\n' | seed
    printf '"sam@example.com" cert-authority ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY=\n' | seed ;;
  ssh-signature)
    need_apt "command -v ssh-keygen" openssh-client
    # Keys of every type, made for this run; VOUCH_FUZZ_ALLOWED_SIGNERS lets verification reach the end.
    keys="$SCRATCH/seeds/ssh-keys"; rm -rf "$keys"; mkdir -p "$keys"
    for spec in ed25519: ecdsa:256 ecdsa:384 ecdsa:521 rsa:2048; do
      type=${spec%%:*} bits=${spec#*:}; key="$keys/$type$bits"
      ssh-keygen -q -t "$type" ${bits:+-b "$bits"} -N "" -C "$type" -f "$key"
      echo "dana@example.com $(cut -d' ' -f1-2 "$key.pub")" >> "$keys/allowed_signers"
      printf 'payload\n' | ssh-keygen -q -Y sign -n git -f "$key" | seed
    done
    export VOUCH_FUZZ_ALLOWED_SIGNERS="$keys/allowed_signers" ;;
  *) echo "bench/fuzz.sh: unknown target '$TARGET' (bench/fuzz.sh list)" >&2; exit 2 ;;
esac

cd "$SCRATCH/findings/$TARGET"
echo "fuzzing $TARGET for $SECONDS_TO_RUN s with $(ls "$seeds" | grep -c "^seed-") seeds ($(nproc) cores; $(date -u +%FT%TZ))" >&2
"$FUZZ" "$TARGET" -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -print_final_stats=1 "$SCRATCH/corpus/$TARGET" "$seeds"
