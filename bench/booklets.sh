#!/usr/bin/env bash
# Booklet services report (issue 21, seed 004 §5): with a national year of services (600 branches x 12 months, ~5,000,000
# rows) the national report page (prerendered: the whole report is counted and rendered before the first byte) and its
# workbook for one month: server time p50/p95 (curl's time to the first byte / total on 127.0.0.1), the app's CPU per
# request, and the app's peak memory (VmHWM). Also the plans of the report's two GROUP BYs. See bench/README.md.
#
#   bash bench/booklets.sh [--reseed] [--smoke]
#
# Environment (optional): BENCH_PORT (default 5310), GET_RUNS (default 20), PER_BRANCH (services per branch a month,
# default 700). The seeded and filled database (bench/out/booklets-seed.db) is kept; each run works on a copy.
# --smoke: the shared tiny database, 2 months of 5 services per branch, 2 requests each (bench/lib.sh).
# Only talks to 127.0.0.1. Everything it starts is stopped on exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" booklets "$@"
SEED="$OUT/booklets-seed.db"
DB="$OUT/booklets.db"
APP_LOG="$OUT/booklets-app.log"
RESULTS="$OUT/booklets-results.txt"
if [[ "$SMOKE" == 1 ]]; then
  MONTHS=2 PER_BRANCH=5 WARMUPS=1 GET_RUNS="${GET_RUNS:-2}"
else
  MONTHS=12 PER_BRANCH="${PER_BRANCH:-700}" WARMUPS=3 GET_RUNS="${GET_RUNS:-20}"
fi
RESEED=0
for arg in "${ARGS[@]}"; do
  case "$arg" in
    --reseed) RESEED=1 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
WORK="$(mktemp -d "$OUT/tmp.XXXXXX")"
on_exit 'rm -rf "$WORK"'
need dotnet curl sqlite3
build "$ROOT/Portal" "$BENCH_DIR/BookletCounter"
ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
status_kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$APP_PID/status"; }
pct() { sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { i = int(p / 100 * NR + 0.999999); if (i < 1) i = 1; print v[i] }'; }
result() { echo "$1=$2" | tee -a "$RESULTS"; }
app_cpu_ms() { awk '{ print ($14 + $15 + $16 + $17) * 10 }' "/proc/$APP_PID/stat"; }
: >"$RESULTS"

# The month just ended: the demo's monthly statistics end with it.
last_month() { sqlite3 "$1" "select max(Period) from MonthlyReports"; }
fill() {
  local started=$SECONDS last; last=$(last_month "$1")
  log "filling $1: $MONTHS months to $last, $PER_BRANCH services per branch a month"
  sqlite3 -bail -cmd ".parameter set @last $last" -cmd ".parameter set @months $MONTHS" -cmd ".parameter set @perbranch $PER_BRANCH" \
    "$1" <"$BENCH_DIR/booklets-fill.sql" >"$OUT/booklets-fill.log" 2>&1 || die "the fill failed (see $OUT/booklets-fill.log)"
  log "$(tail -n1 "$OUT/booklets-fill.log") ($((SECONDS - started)) s)"
}
if [[ "$SMOKE" == 1 ]]; then
  smoke_db "$SEED"
  fill "$SEED"
elif [[ ! -f "$SEED" || $RESEED -eq 1 ]]; then
  rm -rf "$SEED" "$SEED-shm" "$SEED-wal" "${SEED%.db}-files"
  # The insured persons give Kerman's and Golestan's people their booklets (BookletsSeeder), which the counter's run renews.
  log "seeding $SEED (2 agencies per province, 100,000 insured persons)"
  started=$SECONDS
  portal "$SEED" seed-demo --agencies-per-province 2 --demo-documents false --insured-persons 100000 >"$OUT/booklets-seed.log" 2>&1 \
    || { rm -f "$SEED"; die "seed-demo failed (see $OUT/booklets-seed.log)"; }
  log "seeded in $((SECONDS - started)) s"
  fill "$SEED" || { rm -f "$SEED"; exit 1; }
fi
rm -rf "$DB" "$DB-shm" "$DB-wal"
sqlite3 "$SEED" ".backup '$DB'"
q() { sqlite3 "$DB" "$1"; }
MONTH=$(last_month "$DB")
PERIOD="${MONTH:0:4}-${MONTH:4:2}"
result services_total "$(q "select count(*) from BookletServices")"
result services_month "$(q "select count(*) from BookletServices where Month = $MONTH")"
result branches "$(q "select count(distinct BranchId) from BookletServices")"
result db_mb "$(( $(stat -c %s "$DB") / 1048576 ))"
{
  echo "-- the counts (covering index, no table row read):"
  q "explain query plan select BranchId, Type, Refusal, CorrectedAt is not null, count(*) from BookletServices where Month >= $MONTH and Month <= $MONTH group by BranchId, Type, Refusal, CorrectedAt is not null"
  echo "-- the waits (the same covering index: each done service keeps its WaitMinutes):"
  q "explain query plan select BranchId, min(WaitMinutes, 240), count(*), sum(WaitMinutes) from BookletServices where Month >= $MONTH and Month <= $MONTH and Refusal is null and WaitMinutes is not null group by 1, 2"
} | tee "$OUT/booklets-plans.txt"

export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Portal="Data Source=$DB" Files__Root="$WORK/files" Ocr__Enabled=false Logging__LogLevel__Default=Warning
unset ASPNETCORE_URLS
BASE="http://127.0.0.1:$(free_port "${BENCH_PORT:-5310}")"
log "starting the app on $BASE"
start_app "$APP_LOG" "$BASE/account/login" env -C "$ROOT/Portal" dotnet "$PORTAL_DLL" "--urls=$BASE"
JAR="$WORK/jar"
sign_in "$BASE" registration "$JAR"
sleep 2
result rss_idle_mb "$(kb_to_mb "$(status_kb VmRSS)")"

# get_times NAME PATH CHECK: WARMUPS then GET_RUNS sequential requests; first byte (the page is prerendered: the report is
# counted and rendered before it) and total.
get_times() {
  local name="$1" path="$2" check="$3" i code cpu0
  for (( i = 0; i < WARMUPS; i++ )); do
    code=$(curl -s -b "$JAR" -o "$WORK/page" -w '%{http_code}' "$BASE$path")
    [[ "$code" == 200 ]] || die "GET $path answered $code"
  done
  [[ -z "$check" ]] || grep -q -- "$check" "$WORK/page" || die "GET $path: no '$check' in the answer"
  : >"$WORK/first"; : >"$WORK/total"
  cpu0=$(app_cpu_ms)
  for (( i = 0; i < GET_RUNS; i++ )); do
    curl -s -b "$JAR" -o /dev/null -w '%{time_starttransfer} %{time_total}\n' "$BASE$path" >"$WORK/one"
    read -r a b <"$WORK/one"; echo "$a" >>"$WORK/first"; echo "$b" >>"$WORK/total"
  done
  result "${name}_cpu_ms" $(( ($(app_cpu_ms) - cpu0) / GET_RUNS ))
  result "${name}_p50_ms" "$(ms "$(pct 50 "$WORK/total")")"
  result "${name}_p95_ms" "$(ms "$(pct 95 "$WORK/total")")"
  result "${name}_kb" "$(( $(stat -c %s "$WORK/page") / 1024 ))"
  result "${name}_rss_peak_mb" "$(kb_to_mb "$(status_kb VmHWM)")"
}
result loadavg "$(loadavg)"
get_times report_page "/booklets/report?period=$PERIOD" 'data-testid="branch-row"'
get_times report_xlsx "/booklets/report.xlsx?period=$PERIOD" ""
get_times report_api_json "/api/v1/reports/booklet-services?period=$PERIOD" '"branches"'
get_times evaluation_page "/booklets/report?period=$PERIOD&view=evaluation" 'data-testid="evaluation-branch-row"'
result rss_peak_mb "$(kb_to_mb "$(status_kb VmHWM)")"
result rss_end_mb "$(kb_to_mb "$(status_kb VmRSS)")"
stop_app

# The counter: a family found and one renewal recorded, in process on the same database (bench/BookletCounter).
log "the counter's find and renew, in process"
BENCH_DB="$DB" BENCH_FILES="$WORK/files" BENCH_SMOKE="$SMOKE" \
  dotnet "$BENCH_DIR/BookletCounter/bin/$CONFIG/net10.0/BookletCounter.dll" counter | tee "$OUT/booklets-counter.txt" | sed 's/^/  /'
grep -E '^counter_' "$OUT/booklets-counter.txt" | while read -r line; do echo "$line" >>"$RESULTS"; done
log "results in $RESULTS"
