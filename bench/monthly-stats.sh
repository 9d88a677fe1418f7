#!/usr/bin/env bash
# Monthly statistics read benchmark (BenchmarkDotNet): completeness (national, per province; provincial, per review
# office), a review office's worklist and the province report's rows, on a SQLite file seeded by the portal's own seed
# command with ~2,000 agencies (65 per province), then filled by bench/monthly-fill.sql with one report per open agency
# for each of the 60 Jalali months before the current one (~120,000 reports, ~480,000 category lines).
#
#   bash bench/monthly-stats.sh [--reseed | --refill] [--smoke]
#
# The fill runs after a (re)seed, with --refill, and by itself when the months no longer end with the month just ended.
# Prints BenchmarkDotNet's table (mean server time per call) and writes bench/out/monthly-stats-results.txt.
# `cd bench/MonthlyStats && BENCH_DB=../out/monthly-stats.db dotnet run -c Release -- --sql` prints each read's SQL and plan.
# --smoke: the shared tiny database (60 months of its agencies), each read once, no Excel runs (bench/lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" monthly-stats "$@"
DB="$OUT/monthly-stats.db"
need dotnet sqlite3
build "$ROOT/Portal" "$BENCH_DIR/MonthlyStats"

FORCE=()
if [[ "$SMOKE" == 1 ]]; then
  smoke_db "$DB"
elif [[ ! -f "$DB" || "${ARGS[0]:-}" == "--reseed" ]]; then
  rm -f "$DB" "$DB-shm" "$DB-wal"
  log "seeding $DB (65 agencies per province)"
  START=$SECONDS
  portal "$DB" seed-demo --agencies-per-province 65 --demo-documents false >"$OUT/monthly-stats-seed.log" 2>&1 \
    || die "seed-demo failed (see $OUT/monthly-stats-seed.log)"
  log "seeded in $((SECONDS - START)) s"
elif [[ "${ARGS[0]:-}" == "--refill" ]]; then
  FORCE=(-cmd "CREATE TEMP TABLE force_refill(x)")
fi
START=$SECONDS
FILLED="$(sqlite3 -bail "${FORCE[@]}" "$DB" < "$BENCH_DIR/monthly-fill.sql")"
log "${FILLED%%$'\n'*} ($((SECONDS - START)) s)"
log "$(sqlite3 "$DB" 'select count(*) from OrgUnits where Type = "Agency" and Status <> 3') open agencies," \
  "$(sqlite3 "$DB" 'select count(*) from MonthlyReports') reports" \
  "($(sqlite3 "$DB" 'select min(Period) || ".." || max(Period) from MonthlyReports'))," \
  "$(sqlite3 "$DB" 'select count(*) from ReportLines') lines"

cd "$BENCH_DIR/MonthlyStats"
RESULTS="$OUT/monthly-stats-results.txt"
if [[ "$SMOKE" == 1 ]]; then
  BENCH_DB="$DB" dotnet bin/Debug/net10.0/MonthlyStats.dll --smoke | tee "$OUT/monthly-stats-run.log"
  grep -E '^\|' "$OUT/monthly-stats-run.log" > "$RESULTS" || die "no figures printed"
else
  BENCH_DB="$DB" dotnet run -c Release --no-build -- --filter '*' --join --exporters markdown --artifacts "$OUT/monthly-stats-artifacts" | tee "$OUT/monthly-stats-run.log"
  grep -E '^\|' "$OUT/monthly-stats-run.log" > "$RESULTS" || true
  # The Excel targets (time and peak memory of the national 12-month workbook; an upload of 200 agencies).
  BENCH_DB="$DB" dotnet run -c Release --no-build -- --excel | tee -a "$RESULTS"
fi
log "results in $RESULTS"
