#!/usr/bin/env bash
# Portal benchmark: cold start, home-page render latency (head office and province scope), and
# server memory idle and with 50 live Blazor circuits. See bench/README.md.
#
#   bash bench/home.sh [--rebuild] [--smoke]
#
# Environment (all optional): BENCH_PORT (first port tried, default 5290), CIRCUITS (default 50),
# WRK_DURATION (default 15s), WRK_CONNECTIONS (default 4). --smoke: the Debug build and the shared tiny database,
# 1 s of wrk and one circuit (bench/lib.sh).
# Only talks to 127.0.0.1. Everything it starts is stopped on exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" home "$@"
APP_DIR="$BENCH_DIR/out/app"
DB="$OUT/home.db"
RESULTS="$OUT/home-results.txt"
APP_LOG="$OUT/home-app.log"
CIRCUITS="${CIRCUITS:-50}"
WRK_DURATION="${WRK_DURATION:-15s}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-4}"
SEQUENTIAL=50
# Smoke: the Debug build and the shared tiny database, 1 s of wrk, one circuit.
if [[ "$SMOKE" == 1 ]]; then CIRCUITS="${CIRCUITS_SMOKE:-1}" WRK_DURATION=1s SEQUENTIAL=5; fi
REBUILD=0
for arg in "${ARGS[@]}"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "$OUT/tmp.XXXXXX")"
NODE_PID=""
stop_node() {
  if [[ -n "$NODE_PID" ]] && kill -0 "$NODE_PID" 2>/dev/null; then
    kill -TERM "$NODE_PID" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$NODE_PID" 2>/dev/null || break; sleep 0.1; done
    # node was started in its own process group (setsid): this also ends its Chromium
    kill -KILL -- "-$NODE_PID" 2>/dev/null
  fi
  return 0
}
on_exit 'rm -rf "$WORK"'
on_exit stop_node

declare -a KEYS=()
declare -A FIG=()
figure() { # figure KEY VALUE: print now, keep for the summary
  [[ -v "FIG[$1]" ]] || KEYS+=("$1")
  FIG[$1]="$2"
  echo "$1=$2"
}

need dotnet curl wrk node npm
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium not found"

# --- a. publish (the Debug build in smoke mode), bench DB, seed --------------------------------------
if [[ "$SMOKE" == 1 ]]; then
  build "$ROOT/Portal"
  APP_DIR="$ROOT/Portal/bin/Debug/net10.0"; CONTENT_ROOT="$ROOT/Portal"
elif [[ $REBUILD -eq 1 || ! -f "$APP_DIR/Portal.dll" ]]; then
  log "publishing Portal (Release) to $APP_DIR"
  published=0
  for attempt in 1 2 3; do
    if dotnet publish "$ROOT/Portal" -c Release -o "$APP_DIR" >"$OUT/publish.log" 2>&1; then published=1; break; fi
    log "publish attempt $attempt failed (see $OUT/publish.log); retrying in 60 s"
    [[ $attempt -lt 3 ]] && sleep 60
  done
  [[ $published -eq 1 ]] || die "dotnet publish failed 3 times"
else
  log "using existing publish in $APP_DIR (pass --rebuild to rebuild)"
fi
CONTENT_ROOT="${CONTENT_ROOT:-$APP_DIR}"

if [[ ! -d "$BENCH_DIR/node_modules/playwright-core" ]]; then
  log "npm ci in bench/"
  (cd "$BENCH_DIR" && npm ci --no-audit --no-fund >"$OUT/npm.log" 2>&1) || die "npm ci failed (see $OUT/npm.log)"
fi

export ASPNETCORE_ENVIRONMENT=Development     # admin 2FA gate off, demo passwords allowed
export ConnectionStrings__Portal="Data Source=$DB"
unset ASPNETCORE_URLS

if [[ "$SMOKE" == 1 ]]; then
  smoke_db "$DB"
else
  rm -f "$DB" "$DB-shm" "$DB-wal"
  log "seeding $DB"
  seed_start=$(now_ms)
  # run from the publish folder: it is the content root (appsettings*.json, wwwroot)
  (cd "$APP_DIR" && dotnet Portal.dll seed-demo) >"$OUT/home-seed.log" 2>&1 || die "seed-demo failed (see $OUT/home-seed.log)"
  figure seed_ms $(( $(now_ms) - seed_start ))
fi
BASE="http://127.0.0.1:$(free_port "${BENCH_PORT:-5290}")"

# --- b. cold start -------------------------------------------------------------------------------
log "starting app on $BASE"
start_ms=$(now_ms)
# --urls=VALUE (one argument): the app treats its first non-dash argument as an admin command
start_app "$APP_LOG" "$BASE/account/login" env -C "$CONTENT_ROOT" dotnet "$APP_DIR/Portal.dll" "--urls=$BASE"
figure cold_start_ms $(( $(now_ms) - start_ms ))
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" == 200 ]] || die "/health is not 200"

# --- c. home render --------------------------------------------------------------------------------
HEADING='پیشخوان'

auth_cookie() { # auth_cookie USER JAR: signs USER in, prints the Cookie header value of the auth cookie
  local cookie
  sign_in "$BASE" "$1" "$2"
  # cookie jar lines: domain flag path secure expiry name value (HttpOnly ones are prefixed #HttpOnly_)
  cookie=$(sed -n 's/^#HttpOnly_//; /^#/d; p' "$2" | awk -F'\t' 'NF >= 7 && $6 ~ /^portal\.auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }')
  [[ -n "$cookie" ]] || die "no portal.auth cookie after signing in $1"
  echo "$cookie"
}

check_home() { # check_home COOKIE
  local body="$WORK/home.html" code
  code=$(curl -s -o "$body" -w '%{http_code}' -H "Cookie: $1" "$BASE/")
  [[ "$code" == 200 ]] || die "GET / answered $code"
  grep -q "$HEADING" "$body" || die "GET / lacks the heading «$HEADING»"
  grep -q 'data-testid="count-Agency"' "$body" || die "GET / lacks the prerendered counts"
}

to_ms() { # wrk value (e.g. 812.00us, 12.34ms, 1.02s, 2.00m) -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

median_of() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) { print "nan"; exit } m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m }'; }

bench_home() { # bench_home USER KEY
  local user=$1 key=$2 cookie wout="$WORK/wrk-$2.txt"
  cookie=$(auth_cookie "$user" "$WORK/jar-$key")
  check_home "$cookie"
  figure "${key}_loadavg_before" "$(loadavg)"
  log "$user: warm-up 3 s, then wrk -t1 -c$WRK_CONNECTIONS -d$WRK_DURATION"
  [[ "$SMOKE" == 1 ]] || wrk -t1 -c"$WRK_CONNECTIONS" -d3s -H "Cookie: $cookie" "$BASE/" >/dev/null
  wrk -t1 -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency -H "Cookie: $cookie" "$BASE/" >"$wout"
  cp "$wout" "$OUT/wrk-$key.txt"
  local p50 p90 p99 rps errs non2xx
  p50=$(awk '$1 == "50%" { print $2 }' "$wout")
  p90=$(awk '$1 == "90%" { print $2 }' "$wout")
  p99=$(awk '$1 == "99%" { print $2 }' "$wout")
  rps=$(awk '$1 == "Requests/sec:" { print $2 }' "$wout")
  [[ -n "$p50" && -n "$p90" && -n "$p99" && -n "$rps" ]] || die "could not parse wrk output ($wout)"
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$wout"); non2xx=${non2xx:-0}
  errs=$(awk '/Socket errors:/ { s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i + 0; print s }' "$wout"); errs=${errs:-0}
  figure "${key}_p50_ms" "$(to_ms "$p50")"
  figure "${key}_p90_ms" "$(to_ms "$p90")"
  figure "${key}_p99_ms" "$(to_ms "$p99")"
  figure "${key}_rps" "$rps"
  figure "${key}_non2xx" "$non2xx"
  figure "${key}_socket_errors" "$errs"
  # the cookie must still be good after the run: otherwise wrk measured redirects
  check_home "$cookie"
  # one request at a time: server time to first byte, 50 sequential requests
  local i t
  for i in $(seq 1 "$SEQUENTIAL"); do
    t=$(curl -s -o /dev/null -w '%{http_code} %{time_starttransfer}' -H "Cookie: $cookie" "$BASE/")
    [[ "${t%% *}" == 200 ]] || die "sequential GET / answered ${t%% *}"
    awk -v s="${t#* }" 'BEGIN { printf "%.2f\n", s * 1000 }'
  done | median_of >"$WORK/ttfb-$key"
  figure "${key}_ttfb_seq_median_ms" "$(cat "$WORK/ttfb-$key")"
  [[ "$non2xx" == 0 && "$errs" == 0 ]] || log "WARNING: $user had $non2xx non-2xx responses and $errs socket errors"
}

bench_home headoffice home_headoffice
bench_home kerman.treatment home_kerman

# --- d. memory -------------------------------------------------------------------------------------
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$APP_PID/status"; }
log "idle 5 s before reading idle RSS"
[[ "$SMOKE" == 1 ]] || sleep 5
figure loadavg_idle "$(loadavg)"
figure rss_idle_mb "$(rss_mb)"

log "opening $CIRCUITS circuits in headless Chromium"
NODE_OUT="$OUT/circuits.log"
: >"$NODE_OUT"
setsid node "$BENCH_DIR/circuits.mjs" "$BASE" "$CIRCUITS" >"$NODE_OUT" 2>&1 </dev/null &
NODE_PID=$!
opened=0
for _ in $(seq 1 600); do   # up to 10 minutes
  if grep -q '^circuits_open=' "$NODE_OUT"; then opened=1; break; fi
  kill -0 "$NODE_PID" 2>/dev/null || break
  sleep 1
done
if [[ $opened -ne 1 ]]; then tail -n 20 "$NODE_OUT" >&2; die "circuits did not open"; fi
for k in circuits_open circuit_open_p50_ms circuit_open_max_ms circuits_open_total_s; do
  figure "$k" "$(sed -n "s/^$k=//p" "$NODE_OUT" | tail -n1)"
done
log "settle 5 s with the circuits open"
[[ "$SMOKE" == 1 ]] || sleep 5
kill -0 "$NODE_PID" 2>/dev/null || die "circuits.mjs exited early"
figure rss_50_circuits_mb "$(rss_mb)"
figure loadavg_50_circuits "$(loadavg)"
figure rss_per_circuit_kb "$(awk -v a="${FIG[rss_idle_mb]}" -v b="${FIG[rss_50_circuits_mb]}" -v n="${FIG[circuits_open]}" 'BEGIN { printf "%.0f", (b - a) * 1024 / n }')"
kill -TERM "$NODE_PID"
for _ in $(seq 1 300); do kill -0 "$NODE_PID" 2>/dev/null || break; sleep 0.1; done
wait "$NODE_PID" 2>/dev/null || true
NODE_PID=""
grep -q '^circuits_closed=' "$NODE_OUT" || log "WARNING: circuits.mjs did not report closing"

# --- e. summary ------------------------------------------------------------------------------------
{
  echo "# portal bench $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; wrk -t1 -c$WRK_CONNECTIONS -d$WRK_DURATION"
  for k in "${KEYS[@]}"; do echo "$k=${FIG[$k]}"; done
} >"$RESULTS"
echo
echo "===== summary (also in ${RESULTS#"$ROOT"/}) ====="
cat "$RESULTS"
