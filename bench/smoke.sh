#!/usr/bin/env bash
# Every bench script in its smoke mode, one after the other (bench/lib.sh: tiny data, the Debug build, a few seconds
# each): proves each script and the app path it measures still run and print their figures. Run by .ci/run after the
# tests, on the Debug build the tests made; locally after `dotnet build SocialSecurityPortal.sln`.
#
#   bash bench/smoke.sh [SCRIPT...]      # default: all of them; output of each in bench/out/smoke/NAME.log
#
# Prints one line per script (ok/FAILED and its seconds) and the total; exits non-zero when any failed.
set -uo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$BENCH_DIR/out/smoke"
SCRIPTS=("$@")
[[ ${#SCRIPTS[@]} -gt 0 ]] || SCRIPTS=(agencies agencies-import monthly-stats contracts offset-files eligibility accounts-sign-in home)
mkdir -p "$OUT"
[[ "${BENCH_KEEP_SEED:-0}" == 1 ]] || rm -f "$OUT/seed.db"   # seeded afresh by the first script, shared by the rest (BENCH_KEEP_SEED=1 keeps it)
failed=0
start=$(date +%s%N)
for name in "${SCRIPTS[@]}"; do
  t0=$(date +%s%N)
  if bash "$BENCH_DIR/$name.sh" --smoke >"$OUT/$name.log" 2>&1; then result=ok; else result=FAILED; failed=$((failed + 1)); fi
  printf 'bench smoke %-18s %-6s %5.1f s\n' "$name" "$result" "$(( ($(date +%s%N) - t0) / 1000000 ))e-3"
  [[ "$result" == ok ]] || tail -n 15 "$OUT/$name.log" | sed 's/^/    /'
done
printf 'bench smoke total: %d scripts, %d failed, %.1f s\n' "${#SCRIPTS[@]}" "$failed" "$(( ($(date +%s%N) - start) / 1000000 ))e-3"
[[ $failed -eq 0 ]]
