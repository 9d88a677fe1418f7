#!/usr/bin/env bash
# Eligibility inquiry throughput (issue's closing note): 1,000,000 insured persons in SQLite, wrk on loopback against
# POST /api/v1/eligibility/general at 64 connections, every inquiry logged; /ping of the same app as the baseline.
#
#   bash bench/eligibility.sh [--reseed] [--smoke] [--ratio]
#
# Seeds bench/out/eligibility.db once with the portal's own seed-demo (~1.5 min), issues a fresh API key with the
# portal's issue-api-key command on every run, starts the app (Release), warms up, then measures GET /ping and the
# inquiry in the same run, then the inquiry's parts in process and over HTTP (bench/Eligibility). Prints a summary and writes
# bench/out/eligibility-results.txt. Needs dotnet, sqlite3, curl, wrk, bc. --smoke: the shared tiny database, 1 s runs (bench/lib.sh).
# --ratio: only the parts run's fixed answer and the inquiry (bench/Eligibility serve), and their ratio (the issue's measure).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" eligibility "$@"
DB="$OUT/eligibility.db"
RESULTS="$OUT/eligibility-results.txt"
IDS="$OUT/eligibility-ids.txt"
PERSONS=1000000
CENTRE="MC-08-01"
CONNECTIONS="${WRK_CONNECTIONS:-64}"
DURATION="${WRK_DURATION:-30s}"
WARMUP="${WRK_WARMUP:-10s}"
PARTS_DURATION="${PARTS_DURATION:-10s}"
# Smoke: the shared tiny database (a few hundred persons), a second of wrk per endpoint.
if [[ "$SMOKE" == 1 ]]; then PERSONS=100 CONNECTIONS=4 DURATION=1s WARMUP=1s PARTS_DURATION=1s; fi
PORT="$(free_port "${BENCH_PORT:-5298}")"
BASE="http://127.0.0.1:$PORT"
APP="$PORTAL_DLL"
load() { cut -d' ' -f1-3 /proc/loadavg; }
q() { sqlite3 -bail "$DB" "$@"; }
RATIO_ONLY=0
for arg in "${ARGS[@]}"; do [[ "$arg" == --ratio ]] && RATIO_ONLY=1; done
need dotnet sqlite3 curl wrk bc
# BENCH_REDIS=1: the app's limits counted in a throwaway redis-server on loopback (README "Rate limits across servers"),
# to see what the shared limits cost the inquiry; they are raised as below, so every request still runs both scripts.
LIMITS_ENV=() LIMITS="in memory"
if [[ "${BENCH_REDIS:-0}" == 1 ]]; then
  need redis-server
  REDIS_PORT="$(free_port 6391)"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$OUT" --daemonize yes \
    --pidfile "$OUT/eligibility-redis.pid" --logfile "$OUT/eligibility-redis.log"
  on_exit 'kill "$(cat "$OUT/eligibility-redis.pid")" 2>/dev/null'
  LIMITS_ENV=("Eligibility__Limits__Redis=127.0.0.1:$REDIS_PORT" "Logging__LogLevel__Portal.Features.Eligibility.SharedLimitStore=Information")
  LIMITS="in Redis (127.0.0.1:$REDIS_PORT)"
fi
build "$ROOT/Portal" "$BENCH_DIR/Eligibility"
[[ "${BENCH_SKIP_BUILD:-0}" == 1 ]] || build "$ROOT/Portal" "$BENCH_DIR/Eligibility"   # BENCH_SKIP_BUILD=1: both already built

if [[ "$SMOKE" == 1 ]]; then
  smoke_db "$DB"; rm -f "$IDS"
elif [[ ! -f "$DB" || " ${ARGS[*]} " == *" --reseed "* ]]; then
  rm -f "$DB" "$DB-shm" "$DB-wal" "$IDS"
  log "seeding $DB (10 agencies per province, $PERSONS insured persons; load $(load))"
  START=$SECONDS
  portal "$DB" seed-demo --agencies-per-province 10 --demo-documents false --insured-persons "$PERSONS" >"$OUT/eligibility-seed.log" 2>&1 \
    || die "seed-demo failed (see $OUT/eligibility-seed.log)"
  log "seeded in $((SECONDS - START)) s (load $(load)): $(grep '^Insured persons' "$OUT/eligibility-seed.log" || echo 'persons were already there')"
fi
PERSONS_IN_DB="$(q "select count(*) from InsuredPersons")"
[[ "$PERSONS_IN_DB" -ge "$PERSONS" ]] || die "$DB holds $PERSONS_IN_DB persons: run with --reseed"
SEED_LINE="$(grep '^Insured persons' "$OUT/eligibility-seed.log" 2>/dev/null || true)"

if [[ ! -s "$IDS" ]]; then
  log "sampling 100,000 national IDs of the database plus 5,000 valid unknown ones into $IDS"
  q "select NationalId from InsuredPersons order by random() limit 100000" >"$IDS"
  # Unknown but valid: a leading 0 (the seed's national IDs start at 1), with the mod-11 check digit.
  awk 'BEGIN { srand(7); for (n = 0; n < 5000; n++) { b = sprintf("0%08d", int(rand() * 100000000)); s = 0;
       for (i = 1; i <= 9; i++) s += substr(b, i, 1) * (11 - i); r = s % 11; print b (r < 2 ? r : 11 - r) } }' >>"$IDS"
fi

KEY="$(portal "$DB" issue-api-key --centre "$CENTRE" 2>>"$OUT/eligibility-seed.log" | tail -n1)"
[[ "$KEY" == elg_* ]] || die "issue-api-key printed no key"

ELIGIBILITY_DLL="$BENCH_DIR/Eligibility/bin/$CONFIG/net10.0/Eligibility.dll"
SAMPLE="$(head -n1 "$IDS")"
inquiry() { API_KEY="$KEY" IDS_FILE="$IDS" wrk -t2 -c"$CONNECTIONS" -d"$1" --latency -s "$BENCH_DIR/eligibility/inquiry.lua" "$BASE/api/v1/eligibility/general"; }
rps() { awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
pct() { awk -v p="$2%" '$1 == p { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        printf "%.2f", v * (u == "us" ? 0.001 : u == "s" ? 1000 : u == "m" ? 60000 : 1) }' "$1"; }
if [[ "$RATIO_ONLY" == 1 ]]; then
  # The issue's measure: the inquiry against the fixed answer behind the same key, limits and JSON, same wrk script, one run.
  start_app "$OUT/eligibility-parts-app.log" "$BASE/ping" dotnet "$ELIGIBILITY_DLL" "$DB" serve "$BASE"
  for part in general/parts/fixed general; do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' -d "{\"nationalId\":\"$SAMPLE\"}" \
          "$BASE/api/v1/eligibility/$part")" == 200 ]] || die "$part did not answer 200 (see $OUT/eligibility-parts-app.log)"
  done
  [[ "$SMOKE" == 1 ]] || inquiry 5s >/dev/null
  L1="$(load)"
  for part in general/parts/fixed general; do
    API_KEY="$KEY" IDS_FILE="$IDS" wrk -t2 -c"$CONNECTIONS" -d"$PARTS_DURATION" --latency -s "$BENCH_DIR/eligibility/inquiry.lua" \
      "$BASE/api/v1/eligibility/$part" >"$OUT/eligibility-ratio-${part//\//-}.txt"
  done
  L2="$(load)"
  stop_app
  F="$OUT/eligibility-ratio-general-parts-fixed.txt"; G="$OUT/eligibility-ratio-general.txt"
  echo "$(date '+%Y-%m-%d %H:%M')  fixed $(rps "$F")/s p99 $(pct "$F" 99) ms  general $(rps "$G")/s p50 $(pct "$G" 50) ms p99 $(pct "$G" 99) ms  ratio $(echo "scale=2; $(rps "$G") / $(rps "$F")" | bc -l)  load $L1 -> $L2" | tee -a "$OUT/eligibility-ratio.txt"
  exit 0
fi

# Staging runs production's pipeline (Development adds the developer exception page to every request); Production itself
# refuses to start while the seeded demo accounts keep their password.
log "starting the app (Release, Staging environment, limits raised) on $BASE"
start_app "$OUT/eligibility-app.log" "$BASE/ping" env -C "$ROOT/Portal" ASPNETCORE_ENVIRONMENT=Staging \
   ConnectionStrings__Portal="Data Source=$DB" Files__Root="${DB%.db}-files" \
   Eligibility__Limits__PerKeyPerSecond=1000000 Eligibility__Limits__PerAddressPerSecond=1000000 "${LIMITS_ENV[@]}" \
   Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
   dotnet "$APP" "--urls=$BASE"
[[ "$(curl -s "$BASE/ping")" == *pong* ]] || die "the app did not answer /ping (see $OUT/eligibility-app.log)"
ANSWER="$(curl -s -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' -d "{\"nationalId\":\"$SAMPLE\"}" "$BASE/api/v1/eligibility/general")"
[[ "$ANSWER" == *trackingCode* ]] || die "the inquiry did not answer: $ANSWER"
log "sample answer for $SAMPLE: $ANSWER"

log "warming up $WARMUP (the inquiry, then /ping)"
[[ "$SMOKE" == 1 ]] || inquiry "$WARMUP" >/dev/null
[[ "$SMOKE" == 1 ]] || { wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/ping" >/dev/null; sleep 2; }

LOAD_PING="$(load)"
log "GET /ping: wrk -t2 -c$CONNECTIONS -d$DURATION --latency (load $LOAD_PING)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/ping" >"$OUT/eligibility-wrk-ping.txt"
[[ "$SMOKE" == 1 ]] || sleep 2
LOAD_INQ="$(load)"
ROWS_BEFORE="$(q "select count(*) from Inquiries")"
log "POST /api/v1/eligibility/general: wrk -t2 -c$CONNECTIONS -d$DURATION --latency (load $LOAD_INQ)"
inquiry "$DURATION" >"$OUT/eligibility-wrk-inquiry.txt"
[[ "$SMOKE" == 1 ]] || sleep 1
ROWS_AFTER="$(q "select count(*) from Inquiries")"
LOAD_END="$(load)"
# The scripts Redis ran (two per inquiry when every request was counted there; fewer if it fell back to memory).
[[ -n "${REDIS_PORT:-}" ]] && LIMITS="$LIMITS, $(redis-cli -p "$REDIS_PORT" info commandstats | grep -oE '^cmdstat_evalsha:calls=[0-9]+' | cut -d= -f2 || echo 0) scripts run"
stop_app

# The same inquiry without HTTP, to split the figure above into its parts (bench/Eligibility).
log "in process: the reads alone, the log alone, both (bench/Eligibility)"
IN_PROCESS="$(BENCH_SMOKE="$SMOKE" dotnet "$ELIGIBILITY_DLL" "$DB" "$IDS")" || die "bench/Eligibility failed"

# The same inquiry over HTTP taken apart (bench/Eligibility serve): the portal's pipeline and API-key authentication with
# a fixed answer, then with the reads and the policy but no log, then with the log but no reads, beside /ping and the
# whole inquiry, each for PARTS_DURATION, in one run of one process.
log "over HTTP, part by part (bench/Eligibility serve), $PARTS_DURATION each"
start_app "$OUT/eligibility-parts-app.log" "$BASE/ping" dotnet "$ELIGIBILITY_DLL" "$DB" serve "$BASE"
PARTS=(general/parts/fixed general/parts/reads general/parts/log general)
for part in "${PARTS[@]}"; do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' -d "{\"nationalId\":\"$SAMPLE\"}" \
        "$BASE/api/v1/eligibility/$part")" == 200 ]] || die "$part did not answer 200 (see $OUT/eligibility-parts-app.log)"
done
[[ "$SMOKE" == 1 ]] || { inquiry 5s >/dev/null; wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/ping" >/dev/null; }
wrk -t2 -c"$CONNECTIONS" -d"$PARTS_DURATION" --latency "$BASE/ping" >"$OUT/eligibility-parts-ping.txt"
for part in "${PARTS[@]}"; do
  API_KEY="$KEY" IDS_FILE="$IDS" wrk -t2 -c"$CONNECTIONS" -d"$PARTS_DURATION" --latency -s "$BENCH_DIR/eligibility/inquiry.lua" \
    "$BASE/api/v1/eligibility/$part" >"$OUT/eligibility-parts-${part//\//-}.txt"
done
stop_app

# wrk's figures: requests/s, percentiles in ms, completed requests, non-2xx/3xx, socket errors.
completed() { awk '/requests in/ { print $1 }' "$1"; }
non2xx() { awk '/Non-2xx/ { print $NF; f = 1 } END { if (!f) print 0 }' "$1"; }
socket() { awk '/Socket errors/ { sub(/.*Socket errors: /, ""); print; f = 1 } END { if (!f) print "none" }' "$1"; }
P="$OUT/eligibility-wrk-ping.txt"; I="$OUT/eligibility-wrk-inquiry.txt"
PING_RPS="$(rps "$P")"; INQ_RPS="$(rps "$I")"
INQ_P50="$(pct "$I" 50)"; INQ_P99="$(pct "$I" 99)"
OK=$(( $(completed "$I") - $(non2xx "$I") ))
ADDED=$(( ROWS_AFTER - ROWS_BEFORE ))
RATIO="$(echo "scale=2; $INQ_RPS / $PING_RPS" | bc -l)"
pass() { [[ "$1" == 1 ]] && echo PASS || echo FAIL; }
{
  echo "Eligibility inquiry benchmark  $(date '+%Y-%m-%d %H:%M')  $(nproc) cores  load average: before /ping $LOAD_PING, before the inquiry $LOAD_INQ, at end $LOAD_END"
  echo "$PERSONS_IN_DB insured persons in SQLite ($(q "select count(*) from PremiumMonths") premium months, $(q "select count(*) from RegisteredMobiles") mobiles); ids: $(wc -l <"$IDS") ($(grep -c '^0' "$IDS") unknown)"
  [[ -n "$SEED_LINE" ]] && echo "seed: $SEED_LINE"
  echo "wrk -t2 -c$CONNECTIONS -d$DURATION --latency on 127.0.0.1 (wrk shares the 2 cores), after a $WARMUP warm-up; rate limits counted $LIMITS"
  echo
  printf '%-36s %10s %9s %9s %9s %12s %10s\n' "endpoint" "req/s" "p50 ms" "p90 ms" "p99 ms" "requests" "non-2xx"
  printf '%-36s %10s %9s %9s %9s %12s %10s\n' "GET /ping" "$PING_RPS" "$(pct "$P" 50)" "$(pct "$P" 90)" "$(pct "$P" 99)" "$(completed "$P")" "$(non2xx "$P")"
  printf '%-36s %10s %9s %9s %9s %12s %10s\n' "POST /api/v1/eligibility/general" "$INQ_RPS" "$INQ_P50" "$(pct "$I" 90)" "$INQ_P99" "$(completed "$I")" "$(non2xx "$I")"
  echo "socket errors: /ping $(socket "$P"); inquiry $(socket "$I")"
  echo
  echo "Inquiries rows: $ROWS_BEFORE before, $ROWS_AFTER after: $ADDED added for $OK answered (2xx); $((ADDED - OK)) more were answered after wrk stopped (at most $CONNECTIONS in flight)"
  echo
  echo "In process, without HTTP (the portal's EligibilityDesk, 64 workers):"
  echo "$IN_PROCESS" | sed 's/^/   /'
  echo
  echo "Over HTTP, part by part (bench/Eligibility serve: the portal's pipeline, key and limits; $PARTS_DURATION each, one run):"
  PARTS_PING="$(rps "$OUT/eligibility-parts-ping.txt")"
  printf '   %-44s %8s %8s %9s\n' "endpoint" "req/s" "p99 ms" "of /ping"
  printf '   %-44s %8s %8s %9s\n' "GET /ping" "$PARTS_PING" "$(pct "$OUT/eligibility-parts-ping.txt" 99)" "1.00"
  for part in "${PARTS[@]}"; do
    F="$OUT/eligibility-parts-${part//\//-}.txt"
    printf '   %-44s %8s %8s %9s\n' "POST .../$part" "$(rps "$F")" "$(pct "$F" 99)" "$(echo "scale=2; $(rps "$F") / $PARTS_PING" | bc -l)"
  done
  echo "   (fixed: a fixed answer; reads: the reads and the policy, no log; log: the log, no reads; general: the inquiry)"
  echo
  echo "Targets"
  echo "   at least 3,000 inquiries/s:          $INQ_RPS   $(pass "$([[ "$INQ_RPS" -ge 3000 ]] && echo 1)")"
  echo "   p99 under 50 ms:                     $INQ_P99 ms   $(pass "$(echo "$INQ_P99 < 50" | bc -l)")"
  echo "   at least 1/3 of /ping's throughput:  $RATIO   $(pass "$(echo "$RATIO >= 0.333" | bc -l)")"
  echo "   every answered inquiry logged:       $ADDED rows for $OK answers   $(pass "$([[ $ADDED -ge $OK && $((ADDED - OK)) -le $CONNECTIONS && $(non2xx "$I") == 0 ]] && echo 1)")"
} | tee "$RESULTS"
log "results in $RESULTS (wrk's output: $P, $I; the app's log: $OUT/eligibility-app.log)"
