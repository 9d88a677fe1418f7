#!/usr/bin/env bash
# Portal benchmark: server memory per live Blazor circuit (signed-in home page), and the home page's latency while
# the circuits are open. See bench/README.md, "Circuits: memory per user".
#
#   bash bench/circuits.sh [--rebuild] [--reseed] [--smoke]
#
# Environment (all optional): COUNTS (circuit counts measured in turn, default "50 1000"), BENCH_PORT (default 5330),
# WRK_DURATION (default 15s), PAGES_PER_CONTEXT (tabs per signed-in browser context, default 25),
# RENDERER_PROCESSES (Chromium's renderer-process limit, default 8), BROWSERS (Chromium processes sharing a count, default
# 1 below 300 circuits and 4 above), LIGHT_TABS (1: tabs without stylesheets, fonts or images; see circuits.mjs),
# STEP_TIMEOUT_MS (each browser wait, default 180000), SERVER_ENV (extra VAR=VALUE words for the server, e.g.
# DOTNET_gcServer=0).
# --smoke: the Debug build and the shared tiny database, 3 circuits, 1 s of wrk.
# Only talks to 127.0.0.1. Everything it starts is stopped on exit.
#
# Memory is read with nothing else running in the server: `dotnet-gcdump collect` walks the heap after a full blocking
# GC, so its total is the live managed heap (what circuits really hold); VmRSS and RssAnon are read from
# /proc/PID/status right after it. Each count's figure is (reading with N open − reading with none) / N, and the number of
# CircuitHost objects in the dump is printed beside it (it must equal N: closed circuits are really gone, open ones all live).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" circuits "$@"
APP_DIR="${APP_DIR:-$BENCH_DIR/out/app}"
SEED="$OUT/circuits-seed.db"
DB="$OUT/circuits.db"
RESULTS="$OUT/circuits-results.txt"
APP_LOG="$OUT/circuits-app.log"
COUNTS="${COUNTS:-50 1000}"
WRK_DURATION="${WRK_DURATION:-15s}"
PAGES_PER_CONTEXT="${PAGES_PER_CONTEXT:-25}"
RENDERER_PROCESSES="${RENDERER_PROCESSES:-8}"
GCDUMP="${GCDUMP:-$(command -v dotnet-gcdump || echo "$HOME/.dotnet/tools/dotnet-gcdump")}"
if [[ "$SMOKE" == 1 ]]; then COUNTS="${COUNTS_SMOKE:-3}" WRK_DURATION=1s PAGES_PER_CONTEXT=3; fi
REBUILD=0 RESEED=0
for arg in "${ARGS[@]}"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    --reseed) RESEED=1 ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "$OUT/tmp.XXXXXX")"
NODE_PIDS=()
stop_nodes() {
  local pid
  for pid in "${NODE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${NODE_PIDS[@]}"; do
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    # node was started in its own process group (setsid): this also ends its Chromium
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  NODE_PIDS=()
  return 0
}
on_exit 'rm -rf "$WORK"'
on_exit stop_nodes

declare -a KEYS=()
declare -A FIG=()
figure() { [[ -v "FIG[$1]" ]] || KEYS+=("$1"); FIG[$1]="$2"; echo "$1=$2"; }

need dotnet curl wrk node npm sqlite3
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium not found"
[[ -x "$GCDUMP" ]] || die "dotnet-gcdump not found (dotnet tool install --global dotnet-gcdump)"

# --- a. the app (Release publish; the Debug build in smoke mode) and its database ---------------------------------
if [[ "$SMOKE" == 1 ]]; then
  build "$ROOT/Portal"
  APP_DIR="$ROOT/Portal/bin/Debug/net10.0"; CONTENT_ROOT="$ROOT/Portal"
elif [[ $REBUILD -eq 1 || ! -f "$APP_DIR/Portal.dll" ]]; then
  log "publishing Portal (Release) to $APP_DIR"
  dotnet publish "$ROOT/Portal" -c Release -o "$APP_DIR" >"$OUT/publish.log" 2>&1 || die "dotnet publish failed (see $OUT/publish.log)"
fi
CONTENT_ROOT="${CONTENT_ROOT:-$APP_DIR}"
if [[ ! -d "$BENCH_DIR/node_modules/playwright-core" ]]; then
  (cd "$BENCH_DIR" && npm ci --no-audit --no-fund >"$OUT/npm.log" 2>&1) || die "npm ci failed (see $OUT/npm.log)"
fi

export ASPNETCORE_ENVIRONMENT=Development     # admin 2FA gate off, demo passwords allowed
unset ASPNETCORE_URLS
if [[ "$SMOKE" == 1 ]]; then
  smoke_db "$DB"
else
  # the full demo (31 provinces, 40 agencies each) is seeded once (~8 minutes) and kept; each run works on a copy
  if [[ $RESEED -eq 1 || ! -f "$SEED" ]]; then
    rm -rf "$SEED" "$SEED-shm" "$SEED-wal" "${SEED%.db}-files"
    log "seeding $SEED (the full demo, ~8 minutes)"
    (cd "$APP_DIR" && ConnectionStrings__Portal="Data Source=$SEED" Files__Root="${SEED%.db}-files" dotnet Portal.dll seed-demo) \
      >"$OUT/circuits-seed.log" 2>&1 || { rm -f "$SEED"; die "seed-demo failed (see $OUT/circuits-seed.log)"; }
  fi
  rm -rf "$DB" "$DB-shm" "$DB-wal" "${DB%.db}-files"
  sqlite3 "$SEED" ".backup '$DB'"
  [[ -d "${SEED%.db}-files" ]] && cp -r "${SEED%.db}-files" "${DB%.db}-files"
fi
export ConnectionStrings__Portal="Data Source=$DB" Files__Root="${DB%.db}-files"
BASE="http://127.0.0.1:$(free_port "${BENCH_PORT:-5330}")"

log "starting app on $BASE ${SERVER_ENV:-}"
# shellcheck disable=SC2086
start_app "$APP_LOG" "$BASE/account/login" env -C "$CONTENT_ROOT" ${SERVER_ENV:-} dotnet "$APP_DIR/Portal.dll" "--urls=$BASE"

# --- b. helpers -------------------------------------------------------------------------------------------------------
JAR="$WORK/jar"
sign_in "$BASE" headoffice "$JAR"
COOKIE=$(sed -n 's/^#HttpOnly_//; /^#/d; p' "$JAR" | awk -F'\t' 'NF >= 7 && $6 ~ /^portal\.auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }')
[[ -n "$COOKIE" ]] || die "no portal.auth cookie after signing in"
code=$(curl -s -o "$WORK/home.html" -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/")
[[ "$code" == 200 ]] && grep -q 'data-testid="count-Agency"' "$WORK/home.html" || die "GET / signed in did not render the home page ($code)"

status_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$APP_PID/status"; }

# measure LABEL: full GC + heap walk (gcdump), then the process's memory; sets FIG[LABEL_*]
measure() {
  local label=$1 dump="$WORK/$1.gcdump" report="$OUT/circuits-gcdump-$1.txt"
  "$GCDUMP" collect -p "$APP_PID" -o "$dump" >"$WORK/gcdump.log" 2>&1 || { cat "$WORK/gcdump.log" >&2; die "gcdump failed"; }
  figure "${label}_rss_kb" "$(status_kb VmRSS)"
  figure "${label}_rss_anon_kb" "$(status_kb RssAnon)"
  "$GCDUMP" report "$dump" >"$report" 2>/dev/null || die "gcdump report failed"
  # the report starts with "N  GC Heap bytes" (the live objects the walk found); then lines "AVG_SIZE COUNT TYPE [assembly]"
  figure "${label}_gc_heap_kb" "$(awk '/GC Heap bytes/ { gsub(/,/, "", $1); printf "%.0f", $1 / 1024; exit }' "$report")"
  figure "${label}_circuit_hosts" "$(awk '$3 == "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost" { gsub(/,/, "", $2); n += $2 } END { print n + 0 }' "$report")"
}

# wrk_home LABEL: the home page's latency (GET / signed in, prerendered) with wrk -c4, after a 2 s warm-up
wrk_home() {
  local label=$1 wout="$OUT/circuits-wrk-$1.txt"
  figure "${label}_loadavg" "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
  [[ "$SMOKE" == 1 ]] || wrk -t1 -c4 -d2s -H "Cookie: $COOKIE" "$BASE/" >/dev/null
  wrk -t1 -c4 -d"$WRK_DURATION" --latency -H "Cookie: $COOKIE" "$BASE/" >"$wout"
  to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.1f", n }'; }
  figure "${label}_home_p50_ms" "$(to_ms "$(awk '$1 == "50%" { print $2 }' "$wout")")"
  figure "${label}_home_p99_ms" "$(to_ms "$(awk '$1 == "99%" { print $2 }' "$wout")")"
  figure "${label}_home_rps" "$(awk '$1 == "Requests/sec:" { print $2 }' "$wout")"
  figure "${label}_home_non2xx" "$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$wout" | grep . || echo 0)"
}

# open N: opens N circuits across BROWSERS Chromium processes (each: circuits.mjs, its own process group), waits for all
open_circuits() {
  local n=$1 browsers share i started=$SECONDS
  browsers=${BROWSERS:-$(( n >= 300 ? 4 : 1 ))}
  for (( i = 0; i < browsers; i++ )); do
    share=$(( n / browsers + (i < n % browsers ? 1 : 0) ))
    : >"$OUT/circuits-node-$i.log"
    PAGES_PER_CONTEXT=$PAGES_PER_CONTEXT RENDERER_PROCESSES=$RENDERER_PROCESSES HOLD_SECONDS=3600 STEP_TIMEOUT_MS="${STEP_TIMEOUT_MS:-180000}" CONCURRENCY="${CONCURRENCY:-2}" \
      setsid node "$BENCH_DIR/circuits.mjs" "$BASE" "$share" >"$OUT/circuits-node-$i.log" 2>&1 </dev/null &
    NODE_PIDS+=($!)
  done
  for _ in $(seq 1 1800); do   # 30 minutes at most
    local done_count=0 pid
    for (( i = 0; i < browsers; i++ )); do
      grep -q '^circuits_open=' "$OUT/circuits-node-$i.log" && done_count=$((done_count + 1))
    done
    [[ $done_count -eq $browsers ]] && break
    for pid in "${NODE_PIDS[@]}"; do
      kill -0 "$pid" 2>/dev/null || { tail -n 5 "$OUT"/circuits-node-*.log >&2; die "a circuits.mjs exited before opening its circuits"; }
    done
    sleep 1
  done
  local opened=0
  for (( i = 0; i < browsers; i++ )); do
    opened=$(( opened + $(sed -n 's/^circuits_open=//p' "$OUT/circuits-node-$i.log" | tail -n1) ))
  done
  [[ $opened -eq $n ]] || die "$opened of $n circuits opened"
  figure "c${n}_open_s" $(( SECONDS - started ))
  # the browsers' own memory (every process of each node's group), to say what the client side took
  local kb=0 pid
  for pid in "${NODE_PIDS[@]}"; do
    kb=$(( kb + $(ps -o rss= -g "$pid" | awk '{ s += $1 } END { print s + 0 }') ))
  done
  figure "c${n}_browser_rss_mb" $(( kb / 1024 ))
  # what the whole machine has left (the browsers' RSS counts their shared pages once per process)
  figure "c${n}_machine_available_mb" "$(awk '$1 == "MemAvailable:" { printf "%d", $2 / 1024 }' /proc/meminfo)"
}

# --- c. the run: a warm-up circuit (JIT, first-use caches), the empty reading, then each count ------------------------
log "warm-up: the home page and one circuit, opened and closed"
wrk -t1 -c2 -d2s -H "Cookie: $COOKIE" "$BASE/" >/dev/null
open_circuits 1 >/dev/null
stop_nodes
# a closed tab's circuit ends when the page's unload beacon reaches the server; wait until none is left
for _ in $(seq 1 60); do
  "$GCDUMP" report -p "$APP_PID" 2>/dev/null | grep -q ' Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost ' || break
  sleep 2
done
sleep 5
measure c0
wrk_home c0
for n in $COUNTS; do
  log "opening $n circuits"
  open_circuits "$n"
  log "settle 10 s with $n circuits open"
  [[ "$SMOKE" == 1 ]] || sleep 10
  figure "c${n}_loadavg_open" "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
  # The home page's latency before the heap walk: with ~900 circuits open the walk paused the server 3.5 minutes, the
  # tabs timed out and reconnected all at once, and wrk measured that storm (2026-12-04, 916 circuits).
  wrk_home "c$n"
  measure "c$n"
  figure "c${n}_gc_heap_per_circuit_kb" "$(awk -v a="${FIG[c0_gc_heap_kb]}" -v b="${FIG[c${n}_gc_heap_kb]}" -v n="$n" 'BEGIN { printf "%.0f", (b - a) / n }')"
  figure "c${n}_rss_per_circuit_kb" "$(awk -v a="${FIG[c0_rss_kb]}" -v b="${FIG[c${n}_rss_kb]}" -v n="$n" 'BEGIN { printf "%.0f", (b - a) / n }')"
  figure "c${n}_rss_anon_per_circuit_kb" "$(awk -v a="${FIG[c0_rss_anon_kb]}" -v b="${FIG[c${n}_rss_anon_kb]}" -v n="$n" 'BEGIN { printf "%.0f", (b - a) / n }')"
  kill -0 "$APP_PID" 2>/dev/null || die "the app died"
  grep -h '^circuit_open_p50_ms=' "$OUT"/circuits-node-*.log | head -n1 | sed "s/^/c${n}_/"
  log "closing $n circuits"
  stop_nodes
done

{
  echo "# circuits bench $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; counts: $COUNTS; server env: ${SERVER_ENV:-(default)}"
  for k in "${KEYS[@]}"; do echo "$k=${FIG[$k]}"; done
} >"$RESULTS"
echo
echo "===== summary (also in ${RESULTS#"$ROOT"/}) ====="
cat "$RESULTS"
