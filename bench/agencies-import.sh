#!/usr/bin/env bash
# Agency import benchmark: uploads a 2,000-row agency sheet to the running portal as kerman.generaloffice and
# reports the server time and the portal's peak memory during the import. See bench/README.md.
#
#   bash bench/agencies-import.sh [--rebuild] [--smoke]
#
# Environment (all optional): BENCH_PORT (first port tried, default 5290), IMPORT_ROWS (default 2000; 20 in smoke mode).
# --smoke: the Debug build and the shared tiny database instead of a publish and a fresh demo seed (bench/lib.sh).
# Only talks to 127.0.0.1. Everything it starts is stopped on exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" agencies-import "$@"
APP_DIR="$BENCH_DIR/out/app"
DB="$OUT/agencies-import.db"
APP_LOG="$OUT/agencies-import-app.log"
ROWS="${IMPORT_ROWS:-2000}"
[[ "$SMOKE" == 1 ]] && ROWS="${IMPORT_ROWS:-20}"
SHEET="$OUT/import-$ROWS-rows.xlsx"
USER_NAME="kerman.generaloffice"
REBUILD=0
for arg in "${ARGS[@]}"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "$OUT/tmp.XXXXXX")"
SAMPLER_PID=""
on_exit 'rm -rf "$WORK"'
on_exit '[[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null'

kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
status_kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$APP_PID/status"; }

need dotnet curl sqlite3

# --- the app (published, or the Debug build in smoke mode), the sheets, a fresh seeded DB ---------
if [[ "$SMOKE" == 1 ]]; then
  build "$ROOT/Portal" "$BENCH_DIR/SheetMaker"
  APP_DIR="$ROOT/Portal/bin/Debug/net10.0"; CONTENT_ROOT="$ROOT/Portal"
  SHEET_MAKER=(dotnet "$BENCH_DIR/SheetMaker/bin/Debug/net10.0/SheetMaker.dll")
else
  # (also published again when the existing publish predates the Excel import)
  if [[ $REBUILD -eq 1 || ! -f "$APP_DIR/Portal.dll" || ! -f "$APP_DIR/ClosedXML.dll" ]]; then
    log "publishing Portal (Release) to $APP_DIR"
    dotnet publish "$ROOT/Portal" -c Release -o "$APP_DIR" >"$OUT/publish.log" 2>&1 || die "dotnet publish failed (see $OUT/publish.log)"
  fi
  CONTENT_ROOT="$APP_DIR"
  SHEET_MAKER=(dotnet run --project "$BENCH_DIR/SheetMaker" -c Release --)
fi
log "writing $ROWS new Kerman agencies to $SHEET"
"${SHEET_MAKER[@]}" "$SHEET" "$ROWS" >"$OUT/sheetmaker.log" 2>&1 || die "SheetMaker failed (see $OUT/sheetmaker.log)"
WARM_SHEET="$OUT/import-warmup-10-rows.xlsx"
"${SHEET_MAKER[@]}" "$WARM_SHEET" 10 7000 >>"$OUT/sheetmaker.log" 2>&1 || die "SheetMaker failed (see $OUT/sheetmaker.log)"

export ASPNETCORE_ENVIRONMENT=Development     # demo passwords allowed
export ConnectionStrings__Portal="Data Source=$DB"
unset ASPNETCORE_URLS
if [[ "$SMOKE" == 1 ]]; then
  smoke_db "$DB"
else
  rm -f "$DB" "$DB-shm" "$DB-wal"
  log "seeding $DB"
  (cd "$APP_DIR" && dotnet Portal.dll seed-demo) >"$OUT/agencies-import-seed.log" 2>&1 || die "seed-demo failed (see $OUT/agencies-import-seed.log)"
fi

BASE="http://127.0.0.1:$(free_port "${BENCH_PORT:-5290}")"
log "starting app on $BASE"
# run from the content root (appsettings, wwwroot); --urls=VALUE as one argument: the first non-dash one is an admin command
start_app "$APP_LOG" "$BASE/account/login" env -C "$CONTENT_ROOT" dotnet "$APP_DIR/Portal.dll" "--urls=$BASE"

# --- sign in, then the import page's antiforgery token (same cookie jar) ---------------------------
JAR="$WORK/jar"
sign_in "$BASE" "$USER_NAME" "$JAR"
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

echo "import_rows=$ROWS import_outcome=$outcome import_ms=$import_ms warmup_ms=$warmup_ms rss_before_mb=$(kb_to_mb "$rss_before") rss_peak_mb=$(kb_to_mb "$peak_kb") rss_sampled_peak_mb=$(kb_to_mb "$sampled_peak") rss_after_mb=$(kb_to_mb "$rss_after") hwm_process_mb=$(kb_to_mb "$(( hwm_before > hwm_after ? hwm_before : hwm_after ))") hwm_reset=$hwm_reset loadavg=$(cut -d' ' -f1 /proc/loadavg)" | tee "$OUT/agencies-import-results.txt"
