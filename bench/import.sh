#!/usr/bin/env bash
# Agency import benchmark: uploads a 2,000-row agency sheet to the running portal as kerman.generaloffice and
# reports the server time and the portal's peak memory during the import. See bench/README.md.
#
#   bash bench/import.sh [--rebuild]
#
# Environment (all optional): BENCH_PORT (first port tried, default 5290), IMPORT_ROWS (default 2000).
# Only talks to 127.0.0.1. Everything it starts is stopped on exit.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out"
APP_DIR="$OUT/app"
DB="$OUT/import.db"
APP_LOG="$OUT/import-app.log"
SHEET="$OUT/import-$((${IMPORT_ROWS:-2000}))-rows.xlsx"
ROWS="${IMPORT_ROWS:-2000}"
PASSWORD="portal-demo-1403"
USER_NAME="kerman.generaloffice"
REBUILD=0
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

mkdir -p "$OUT"
WORK="$(mktemp -d "$OUT/tmp.XXXXXX")"
APP_PID=""
SAMPLER_PID=""

cleanup() {
  local rc=$?
  set +e
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[import $(date +%H:%M:%S)] $*" >&2; }
die() { log "FAIL: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
status_kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$APP_PID/status"; }

for tool in dotnet curl; do command -v "$tool" >/dev/null || die "$tool not found"; done

# --- publish (also when the existing publish predates the Excel import), sheet, fresh seeded DB ---------
if [[ $REBUILD -eq 1 || ! -f "$APP_DIR/Portal.dll" || ! -f "$APP_DIR/ClosedXML.dll" ]]; then
  log "publishing Portal (Release) to $APP_DIR"
  dotnet publish "$ROOT/Portal" -c Release -o "$APP_DIR" >"$OUT/publish.log" 2>&1 || die "dotnet publish failed (see $OUT/publish.log)"
fi
log "writing $ROWS new Kerman agencies to $SHEET"
dotnet run --project "$BENCH_DIR/SheetMaker" -c Release -- "$SHEET" "$ROWS" >"$OUT/sheetmaker.log" 2>&1 || die "SheetMaker failed (see $OUT/sheetmaker.log)"
WARM_SHEET="$OUT/import-warmup-10-rows.xlsx"
dotnet run --project "$BENCH_DIR/SheetMaker" -c Release -- "$WARM_SHEET" 10 7000 >>"$OUT/sheetmaker.log" 2>&1 || die "SheetMaker failed (see $OUT/sheetmaker.log)"

export ASPNETCORE_ENVIRONMENT=Development     # demo passwords allowed
export ConnectionStrings__Portal="Data Source=$DB"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
unset ASPNETCORE_URLS
rm -f "$DB" "$DB-shm" "$DB-wal"
log "seeding $DB"
(cd "$APP_DIR" && dotnet Portal.dll seed-demo) >"$OUT/import-seed.log" 2>&1 || die "seed-demo failed (see $OUT/import-seed.log)"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for p in $(seq "${BENCH_PORT:-5290}" $(( ${BENCH_PORT:-5290} + 50 ))); do
  if port_free "$p"; then PORT=$p; break; fi
done
[[ -n "$PORT" ]] || die "no free port found"
BASE="http://127.0.0.1:$PORT"

log "starting app on $BASE"
(cd "$APP_DIR" && exec dotnet Portal.dll "--urls=$BASE") >"$APP_LOG" 2>&1 &
APP_PID=$!
ready=0
for _ in $(seq 1 1200); do
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/account/login" || true)" == 200 ]]; then ready=1; break; fi
  kill -0 "$APP_PID" 2>/dev/null || die "app exited during start-up (see $APP_LOG)"
  sleep 0.05
done
[[ $ready -eq 1 ]] || die "no 200 on /account/login within 60 s (see $APP_LOG)"

# --- sign in, then the import page's antiforgery token (same cookie jar) ---------------------------
JAR="$WORK/jar"
token_of() { grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' "$1" | head -n1 | sed 's/.*value="//; s/"$//'; }
curl -s -c "$JAR" -b "$JAR" -o "$WORK/login.html" "$BASE/account/login"
token=$(token_of "$WORK/login.html"); [[ -n "$token" ]] || die "no antiforgery token on /account/login"
code=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{http_code} %{redirect_url}' \
  --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.UserName=$USER_NAME" --data-urlencode "Input.Password=$PASSWORD" "$BASE/account/login")
[[ "$code" == "302 $BASE/" ]] || die "sign-in of $USER_NAME answered '$code' (expected 302 to /)"
page_code=$(curl -s -c "$JAR" -b "$JAR" -o "$WORK/import.html" -w '%{http_code}' "$BASE/agencies/import")
[[ "$page_code" == 200 ]] || die "GET /agencies/import answered $page_code"
token=$(token_of "$WORK/import.html"); [[ -n "$token" ]] || die "no antiforgery token on /agencies/import"

# --- the import: server time, and the process's peak RSS over just this request ---------------------
sleep 2
rss_before=$(status_kb VmRSS)
hwm_before=$(status_kb VmHWM)
# One small import first: the figure below is the steady-state import, not the first use of ClosedXML and of the
# import's queries after start-up (that one is reported as warmup_ms).
warm=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{http_code} %{time_total}' -F "__RequestVerificationToken=$token" \
  -F "file=@$WARM_SHEET;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$BASE/agencies/import")
[[ "${warm%% *}" == 302 ]] || die "warm-up import answered ${warm%% *} (see $APP_LOG)"
warmup_ms=$(awk -v s="${warm#* }" 'BEGIN { printf "%.0f", s * 1000 }')

# Writing 5 to clear_refs resets VmHWM (Linux >= 4.0), so the peak read afterwards is the import's own;
# a 20 ms VmRSS sampler backs it up where the reset is not allowed.
hwm_reset=0
if echo 5 >"/proc/$APP_PID/clear_refs" 2>/dev/null; then hwm_reset=1; fi
( peak=0; while kill -0 "$APP_PID" 2>/dev/null; do
    v=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
    (( v > peak )) && { peak=$v; echo "$peak" >"$WORK/rss-peak"; }
    sleep 0.02
  done ) &
SAMPLER_PID=$!
log "uploading $SHEET ($(stat -c %s "$SHEET") bytes)"
result=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{http_code} %{time_total} %{redirect_url}' \
  -F "__RequestVerificationToken=$token" \
  -F "file=@$SHEET;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$BASE/agencies/import")
sleep 0.1
kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
hwm_after=$(status_kb VmHWM)
rss_after=$(status_kb VmRSS)
sampled_peak=$(cat "$WORK/rss-peak" 2>/dev/null || echo 0)

read -r http_code seconds location <<<"$result"
[[ "$http_code" == 302 ]] || die "import answered $http_code (see $APP_LOG)"
outcome="${location#*\?}"
[[ "$outcome" == "done=$ROWS-0" ]] || log "WARNING: expected done=$ROWS-0, got '$outcome'"
import_ms=$(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }')
peak_kb=$hwm_after
[[ $hwm_reset -eq 1 ]] || peak_kb=$(( sampled_peak > hwm_after ? sampled_peak : hwm_after ))

echo "import_rows=$ROWS import_outcome=$outcome import_ms=$import_ms warmup_ms=$warmup_ms rss_before_mb=$(kb_to_mb "$rss_before") rss_peak_mb=$(kb_to_mb "$peak_kb") rss_sampled_peak_mb=$(kb_to_mb "$sampled_peak") rss_after_mb=$(kb_to_mb "$rss_after") hwm_process_mb=$(kb_to_mb "$(( hwm_before > hwm_after ? hwm_before : hwm_after ))") hwm_reset=$hwm_reset loadavg=$(cut -d' ' -f1 /proc/loadavg)" | tee "$OUT/import-results.txt"
