#!/usr/bin/env bash
# Monthly statistics read benchmark (BenchmarkDotNet): completeness (national, per province; provincial, per review
# office), a review office's worklist and the province report's rows, on a SQLite file seeded by the portal's own seed
# command with ~2,000 agencies (65 per province), then filled by bench/monthly-fill.sql with one report per open agency
# for each of the 60 Jalali months before the current one (~120,000 reports, ~480,000 category lines).
#
#   bash bench/monthly.sh [--reseed | --refill]
#
# The fill runs after a (re)seed, with --refill, and by itself when the months no longer end with the month just ended.
# Prints BenchmarkDotNet's table (mean server time per call) and writes bench/out/monthly-results.txt.
# `cd bench/MonthlyStats && BENCH_DB=../out/monthly.db dotnet run -c Release -- --sql` prints each read's SQL and plan.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out"
DB="$OUT/monthly.db"
mkdir -p "$OUT"

FORCE=()
if [[ ! -f "$DB" || "${1:-}" == "--reseed" ]]; then
  rm -f "$DB" "$DB-shm" "$DB-wal"
  echo "[monthly] seeding $DB (65 agencies per province)" >&2
  START=$SECONDS
  dotnet build "$ROOT/Portal" -c Release -v q --nologo >/dev/null
  (cd "$ROOT/Portal" && ConnectionStrings__Portal="Data Source=$DB" dotnet "bin/Release/net10.0/Portal.dll" seed-demo \
     --agencies-per-province 65 --demo-documents false) >"$OUT/monthly-seed.log" 2>&1
  echo "[monthly] built and seeded in $((SECONDS - START)) s" >&2
elif [[ "${1:-}" == "--refill" ]]; then
  FORCE=(-cmd "CREATE TEMP TABLE force_refill(x)")
fi
START=$SECONDS
FILLED="$(sqlite3 -bail "${FORCE[@]}" "$DB" < "$BENCH_DIR/monthly-fill.sql")"
echo "[monthly] ${FILLED%%$'\n'*} ($((SECONDS - START)) s)" >&2
echo "[monthly] $(sqlite3 "$DB" 'select count(*) from OrgUnits where Type = "Agency" and Status <> 3') open agencies," \
  "$(sqlite3 "$DB" 'select count(*) from MonthlyReports') reports" \
  "($(sqlite3 "$DB" 'select min(Period) || ".." || max(Period) from MonthlyReports'))," \
  "$(sqlite3 "$DB" 'select count(*) from ReportLines') lines" >&2

cd "$BENCH_DIR/MonthlyStats"
BENCH_DB="$DB" dotnet run -c Release -- --filter '*' --join --exporters markdown --artifacts "$OUT/monthly-artifacts" | tee "$OUT/monthly-run.log"
grep -E '^\|' "$OUT/monthly-run.log" > "$OUT/monthly-results.txt" || true
# The Excel targets (time and peak memory of the national 12-month workbook; an upload of 200 agencies).
BENCH_DB="$DB" dotnet run -c Release --no-build -- --excel | tee -a "$OUT/monthly-results.txt"
echo "[monthly] results in $OUT/monthly-results.txt" >&2
