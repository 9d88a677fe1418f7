#!/usr/bin/env bash
# Agency list and rollout dashboards read benchmark (BenchmarkDotNet): the agency list page and the rollout dashboards
# on a SQLite file seeded by the portal's own seed command with ~2,000 agencies (65 per province) and ~10,000
# representatives (5 each).
#
#   bash bench/agencies.sh [--reseed] [--smoke]
#
# Prints BenchmarkDotNet's table (mean server time per call) and writes bench/out/agencies-results.txt.
# --smoke: the shared tiny database, each read once (bench/lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" agencies "$@"
DB="$OUT/agencies.db"
need dotnet sqlite3
build "$ROOT/Portal" "$BENCH_DIR/Agencies"

if [[ "$SMOKE" == 1 ]]; then
  smoke_db "$DB"
elif [[ ! -f "$DB" || "${ARGS[0]:-}" == "--reseed" ]]; then
  rm -f "$DB" "$DB-shm" "$DB-wal"
  log "seeding $DB (65 agencies per province, 5 representatives each)"
  portal "$DB" seed-demo --agencies-per-province 65 --representatives-per-agency 5 >"$OUT/agencies-seed.log" 2>&1 \
    || die "seed-demo failed (see $OUT/agencies-seed.log)"
fi
log "$(sqlite3 "$DB" 'select count(*) from OrgUnits where Type = "Agency"') agencies, $(sqlite3 "$DB" 'select count(*) from Representatives') representatives"

cd "$BENCH_DIR/Agencies"
if [[ "$SMOKE" == 1 ]]; then
  BENCH_DB="$DB" dotnet "bin/Debug/net10.0/Agencies.dll" --smoke | tee "$OUT/agencies-run.log"
else
  BENCH_DB="$DB" dotnet run -c Release --no-build -- --filter '*' --join --exporters markdown --artifacts "$OUT/agencies-artifacts" | tee "$OUT/agencies-run.log"
fi
grep -E '^\|' "$OUT/agencies-run.log" > "$OUT/agencies-results.txt" || die "no figures printed"
log "results in $OUT/agencies-results.txt"
