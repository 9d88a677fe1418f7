#!/usr/bin/env bash
# Electronic technical files (issue 20): with 200,000 files and ~2,000,000 pages of document metadata in Kerman, the
# queue page and a person's file (server time, in process and as prerendered HTML), a 300-page ~60 MB PDF uploaded
# through the real endpoint (time and the app's peak memory above idle, against sha256sum and cp of the same file), the
# viewer's first page (page HTML + first page image), OCR throughput (pages per minute per core) and the integrity
# check's MB/s against sha256sum on the same files. See bench/README.md.
#
#   bash bench/electronic-files.sh [--reseed] [--smoke]
#
# Environment (all optional): BENCH_PORT (first port tried, default 5290), GET_RUNS (sequential requests per page,
# default 30), OCR_PAGES (default 20), INTEGRITY_FILES / INTEGRITY_MB (default 40 files of 50 MB).
# The seeded and filled database (bench/out/electronic-files-seed.db, ~3 min to make) is kept (--reseed after a model
# change); each run works on a copy of it.
# --smoke: the shared tiny database with 2,000 files, 2 requests a page, a 3-page scan and its viewer, one OCR page, three
# 1 MB files checked (bench/lib.sh).
# Only talks to 127.0.0.1. Everything it starts is stopped on exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" electronic-files "$@"
SEED="$OUT/electronic-files-seed.db"
DB="$OUT/electronic-files.db"
APP_LOG="$OUT/electronic-files-app.log"
RESULTS="$OUT/electronic-files-results.txt"
USER_NAME="kerman.branch.staff"
if [[ "$SMOKE" == 1 ]]; then
  FILES=2000 BIG=20 PAGES=3 SCAN_MB=0.6 WARMUPS=1 GET_RUNS="${GET_RUNS:-2}" OCR_PAGES="${OCR_PAGES:-1}" INTEGRITY_FILES="${INTEGRITY_FILES:-3}" INTEGRITY_MB="${INTEGRITY_MB:-1}"
else
  FILES=200000 BIG=250 PAGES=300 SCAN_MB=60 WARMUPS=3 GET_RUNS="${GET_RUNS:-30}" OCR_PAGES="${OCR_PAGES:-20}" INTEGRITY_FILES="${INTEGRITY_FILES:-40}" INTEGRITY_MB="${INTEGRITY_MB:-50}"
fi
RESEED=0
for arg in "${ARGS[@]}"; do
  case "$arg" in
    --reseed) RESEED=1 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "$OUT/tmp.XXXXXX")"
SAMPLER_PID=""
on_exit 'rm -rf "$WORK"'
on_exit '[[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null'

need dotnet curl sqlite3 sha256sum pdftoppm
build "$ROOT/Portal" "$BENCH_DIR/ElectronicFiles"
CONSOLE=(dotnet "$BENCH_DIR/ElectronicFiles/bin/$CONFIG/net10.0/ElectronicFiles.dll")
ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
status_kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$APP_PID/status"; }
# pct P FILE: the nearest-rank P-th percentile of the numbers in FILE (one a line).
pct() { sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { i = int(p / 100 * NR + 0.999999); if (i < 1) i = 1; print v[i] }'; }
result() { echo "$1=$2" | tee -a "$RESULTS"; }
# The app's CPU time so far in ms: its own (user + system) and its waited-for children's (pdftoppm), from /proc/PID/stat.
# Per request it says what a page costs the server on a machine that other work shares, where wall times follow the load.
app_cpu_ms() { awk '{ print ($14 + $15 + $16 + $17) * 10 }' "/proc/$APP_PID/stat"; }
: >"$RESULTS"

# --- the database: seeded and filled once (kept), copied for each run -------------------------------------------------
fill() {
  local started=$SECONDS
  log "filling $1: $FILES files in Kerman"
  sqlite3 -bail -cmd ".parameter set @files $FILES" -cmd ".parameter set @big $BIG" "$1" <"$BENCH_DIR/electronic-files-fill.sql" \
    >"$OUT/electronic-files-fill.log" 2>&1 || die "the fill failed (see $OUT/electronic-files-fill.log)"
  log "$(cat "$OUT/electronic-files-fill.log") ($((SECONDS - started)) s)"
}
if [[ "$SMOKE" == 1 ]]; then
  smoke_db "$SEED"
  # (smoke_db copies the database only: the demo's stored sample scan comes from the shared seed's store)
  rm -rf "${SEED%.db}-files"; cp -r "$BENCH_DIR/out/smoke/seed-files" "${SEED%.db}-files"
  fill "$SEED"
elif [[ ! -f "$SEED" || $RESEED -eq 1 ]]; then
  rm -rf "$SEED" "$SEED-shm" "$SEED-wal" "${SEED%.db}-files"
  log "seeding $SEED (10 agencies per province, 100,000 insured persons, the demo's scanning queues)"
  started=$SECONDS
  portal "$SEED" seed-demo --agencies-per-province 10 --demo-documents false >"$OUT/electronic-files-seed.log" 2>&1 \
    || { rm -f "$SEED"; die "seed-demo failed (see $OUT/electronic-files-seed.log)"; }
  log "seeded in $((SECONDS - started)) s"
  fill "$SEED" || { rm -f "$SEED"; exit 1; }
fi
rm -rf "$DB" "$DB-shm" "$DB-wal" "${DB%.db}-files"
sqlite3 "$SEED" ".backup '$DB'"
cp -r "${SEED%.db}-files" "${DB%.db}-files"
export BENCH_DB="$DB" BENCH_FILES="${DB%.db}-files" BENCH_SMOKE="$SMOKE"
q() { sqlite3 "$DB" "$1"; }
BRANCH=$(q "select Id from OrgUnits where Code = 'BR-08-01'")
BIG_FILE=$(q "select FileId from ScannedDocuments where BranchId = $BRANCH group by FileId order by count(*) desc, FileId limit 1")
TYPICAL_FILE=$(q "select FileId from ScannedDocuments where BranchId = $BRANCH group by FileId having count(*) = 4 order by FileId desc limit 1")
SMALL_DOC=$(q "select min(Id) from ScannedDocuments where FileId = $TYPICAL_FILE")
result kerman_files "$(q "select count(*) from TechnicalFiles where ProvinceId = (select Id from Provinces where Code = '08')")"
result kerman_pages "$(q "select sum(Pages) from ScannedDocuments where ProvinceId = (select Id from Provinces where Code = '08')")"
result branch_queue "$(q "select count(*) from TechnicalFiles where BranchId = $BRANCH and (LastStep is null or LastStep <> 12)")"

# --- 1. the pages' reads in process (the queue's rows come over the circuit after the prerender, so they are timed here)
log "reads in process (as $USER_NAME)"
"${CONSOLE[@]}" reads | tee "$OUT/electronic-files-reads.txt"
[[ "$SMOKE" == 1 ]] || "${CONSOLE[@]}" reads --sql >"$OUT/electronic-files-plans.txt" 2>&1 || log "WARNING: the plans were not printed"

# --- the scan to upload ----------------------------------------------------------------------------------------------
SCAN="$OUT/electronic-files-scan-$PAGES.pdf"
[[ -f "$SCAN" ]] || "${CONSOLE[@]}" pdf "$SCAN" "$PAGES" "$SCAN_MB"
SCAN_BYTES=$(stat -c %s "$SCAN")

# --- the app ---------------------------------------------------------------------------------------------------------
export ASPNETCORE_ENVIRONMENT=Development     # demo passwords allowed
export ConnectionStrings__Portal="Data Source=$DB" Files__Root="$BENCH_FILES"
# The background OCR would start reading the fill's 600,000 documents (all the demo's sample) and take the cores.
export Ocr__Enabled=false Logging__LogLevel__Default=Warning
unset ASPNETCORE_URLS
BASE="http://127.0.0.1:$(free_port "${BENCH_PORT:-5290}")"
log "starting the app on $BASE"
start_app "$APP_LOG" "$BASE/account/login" env -C "$ROOT/Portal" dotnet "$PORTAL_DLL" "--urls=$BASE"
JAR="$WORK/jar"
sign_in "$BASE" "$USER_NAME" "$JAR"

# get_times NAME PATH CHECK: GET_RUNS sequential requests after WARMUPS warm-ups (200 and CHECK in the body required);
# the server-side time of one request is curl's time to the first byte on 127.0.0.1.
get_times() {
  local name="$1" path="$2" check="$3" i code
  for (( i = 0; i < WARMUPS; i++ )); do
    code=$(curl -s -b "$JAR" -o "$WORK/page" -w '%{http_code}' "$BASE$path")
    [[ "$code" == 200 ]] || die "GET $path answered $code"
  done
  grep -q -- "$check" "$WORK/page" || die "GET $path: no '$check' in the page"
  : >"$WORK/times"
  local cpu0; cpu0=$(app_cpu_ms)
  for (( i = 0; i < GET_RUNS; i++ )); do
    curl -s -b "$JAR" -o /dev/null -w '%{time_starttransfer}\n' "$BASE$path" >>"$WORK/times"
  done
  result "${name}_cpu_ms" $(( ($(app_cpu_ms) - cpu0) / GET_RUNS ))
  result "${name}_p50_ms" "$(ms "$(pct 50 "$WORK/times")")"
  result "${name}_p95_ms" "$(ms "$(pct 95 "$WORK/times")")"
  result "${name}_html_kb" "$(( $(stat -c %s "$WORK/page") / 1024 ))"
}

# --- 2. server time of the prerendered pages -------------------------------------------------------------------------
result loadavg_get "$(loadavg)"
get_times queue_get /electronic-files 'data-testid="queue-table"'
get_times file_big_get "/electronic-files/$BIG_FILE" "$(q "select Number from TechnicalFiles where Id = $BIG_FILE")"
get_times file_typical_get "/electronic-files/$TYPICAL_FILE" "$(q "select Number from TechnicalFiles where Id = $TYPICAL_FILE")"

# --- 3. the upload: a PAGES-page scan through POST /electronic-files/documents, as the file page's form posts it --------
code=$(curl -s -b "$JAR" -c "$JAR" -o "$WORK/file.html" -w '%{http_code}' "$BASE/electronic-files/$TYPICAL_FILE")
[[ "$code" == 200 ]] || die "GET /electronic-files/$TYPICAL_FILE answered $code"
token=$(token_of "$WORK/file.html"); [[ -n "$token" ]] || die "no antiforgery token on the file page (no upload form?)"
TYPE_ID=$(q "select min(Id) from DocumentTypes where IsActive = 1")
sleep 3
rss_idle=$(status_kb VmRSS)
hwm_reset=0
if echo 5 >"/proc/$APP_PID/clear_refs" 2>/dev/null; then hwm_reset=1; fi
( peak=0; while kill -0 "$APP_PID" 2>/dev/null; do
    v=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
    (( v > peak )) && { peak=$v; echo "$peak" >"$WORK/rss-peak"; }
    sleep 0.05
  done ) &
SAMPLER_PID=$!
result loadavg_upload "$(loadavg)"
log "uploading $SCAN ($SCAN_BYTES bytes, $PAGES pages)"
cpu0=$(app_cpu_ms)
upload=$(curl -s -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code} %{time_total} %{redirect_url}' \
  -F "__RequestVerificationToken=$token" -F "fileId=$TYPICAL_FILE" -F "typeId=$TYPE_ID" -F "source=ReceivedInService" \
  -F "title=bench $PAGES pages" -F "file=@$SCAN;type=application/pdf" "$BASE/electronic-files/documents")
sleep 0.2
kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
read -r code seconds location <<<"$upload"
[[ "$code" == 302 && "$location" == *"added=true"* ]] || die "the upload answered '$upload' (see $APP_LOG)"
hwm=$(status_kb VmHWM)
sampled=$(cat "$WORK/rss-peak" 2>/dev/null || echo 0)
peak=$hwm
[[ $hwm_reset -eq 1 ]] || peak=$(( sampled > hwm ? sampled : hwm ))
UPLOADED=$(q "select max(Id) from ScannedDocuments where Size = $SCAN_BYTES")
[[ -n "$UPLOADED" && "$(q "select Pages from ScannedDocuments where Id = $UPLOADED")" == "$PAGES" ]] || die "the uploaded document is not recorded with $PAGES pages"
result upload_mb "$(awk -v b="$SCAN_BYTES" 'BEGIN { printf "%.1f", b / 1048576 }')"
result upload_ms "$(ms "$seconds")"
result upload_cpu_ms $(( $(app_cpu_ms) - cpu0 ))
result rss_idle_mb "$(kb_to_mb "$rss_idle")"
result rss_peak_mb "$(kb_to_mb "$peak")"
result rss_above_idle_mb "$(kb_to_mb $(( peak - rss_idle )))"
result hwm_reset "$hwm_reset"
# The same file's bytes hashed, and copied, by the tools (warm page cache, as the upload had it).
t0=$(now_ms); sha256sum "$SCAN" >/dev/null; result sha256sum_scan_ms $(( $(now_ms) - t0 ))
t0=$(now_ms); cp "$SCAN" "$WORK/copy.pdf"; sync "$WORK/copy.pdf"; result cp_scan_ms $(( $(now_ms) - t0 ))

# --- 4. the viewer: the page's HTML, then its first page image (what the browser needs before page 1 shows) -----------
viewer() {
  local name="$1" doc="$2" i
  curl -s -b "$JAR" -o "$WORK/viewer.html" "$BASE/electronic-files/documents/$doc"
  grep -q 'data-testid="viewer-page"' "$WORK/viewer.html" || die "the viewer of document $doc shows no page"
  [[ "$(curl -s -b "$JAR" -o "$WORK/page.png" -w '%{http_code} %{content_type}' "$BASE/electronic-files/documents/$doc/pages/1?w=900")" == "200 image/png" ]] \
    || die "page 1 of document $doc is not a PNG"
  : >"$WORK/html"; : >"$WORK/png"; : >"$WORK/both"
  local cpu0; cpu0=$(app_cpu_ms)
  for (( i = 0; i < GET_RUNS; i++ )); do
    a=$(curl -s -b "$JAR" -o /dev/null -w '%{time_total}' "$BASE/electronic-files/documents/$doc")
    b=$(curl -s -b "$JAR" -o /dev/null -w '%{time_total}' "$BASE/electronic-files/documents/$doc/pages/1?w=900")
    echo "$a" >>"$WORK/html"; echo "$b" >>"$WORK/png"; awk -v a="$a" -v b="$b" 'BEGIN { print a + b }' >>"$WORK/both"
  done
  result "${name}_first_page_cpu_ms" $(( ($(app_cpu_ms) - cpu0) / GET_RUNS ))
  result "${name}_html_p50_ms" "$(ms "$(pct 50 "$WORK/html")")"
  result "${name}_page1_p50_ms" "$(ms "$(pct 50 "$WORK/png")")"
  result "${name}_first_page_p50_ms" "$(ms "$(pct 50 "$WORK/both")")"
  result "${name}_first_page_p95_ms" "$(ms "$(pct 95 "$WORK/both")")"
  [[ "$SMOKE" == 1 ]] && return 0
  # As a browser asks: page 1 together with the first six thumbnails (the rest are lazy).
  local requests=(-o /dev/null "$BASE/electronic-files/documents/$doc/pages/1?w=900") p
  for p in 1 2 3 4 5 6; do requests+=(-o /dev/null "$BASE/electronic-files/documents/$doc/pages/$p?w=140"); done
  t0=$(now_ms)
  curl -s -b "$JAR" --parallel --parallel-max 7 "${requests[@]}" 2>/dev/null   # (curl draws its meter in parallel mode even with -s)
  result "${name}_page1_with_6_thumbs_ms" $(( $(now_ms) - t0 ))
}
result loadavg_viewer "$(loadavg)"
viewer viewer_scan "$UPLOADED"
[[ "$SMOKE" == 1 ]] || viewer viewer_small "$SMALL_DOC"
stop_app

# --- 5. OCR (the app is stopped: the reader has the cores the web server would leave it) -----------------------------
"${CONSOLE[@]}" ocr "$OCR_PAGES" | tee "$WORK/ocr.txt"
for key in ocr_pages_per_min_per_core ocr_pages_per_min_wall; do
  value=$(awk -v k="$key" '$1 == k { print $2 }' "$WORK/ocr.txt")
  [[ -n "$value" ]] && result "$key" "$value"
done

# --- 6. the integrity check against sha256sum on the same files (a fresh store holding only the new files) -----------
STORE="$OUT/electronic-files-integrity"
rm -rf "$STORE"; mkdir -p "$STORE"
BENCH_FILES="$STORE" "${CONSOLE[@]}" integrity "$INTEGRITY_FILES" "$INTEGRITY_MB" | tee "$WORK/integrity.txt"
result integrity_mb_per_s "$(awk '$1 == "integrity_mb_per_s" { print $2 }' "$WORK/integrity.txt")"
find "$STORE" -type f -not -path "$STORE/tmp/*" >"$WORK/stored"
bytes=$(xargs -a "$WORK/stored" stat -c %s | awk '{ s += $1 } END { print s }')
t0=$(now_ms); xargs -a "$WORK/stored" sha256sum >/dev/null; t=$(( $(now_ms) - t0 ))
result sha256sum_mb_per_s "$(awk -v b="$bytes" -v t="$t" 'BEGIN { printf "%.1f", b / 1048576 / (t / 1000) }')"
rm -rf "$STORE"
result loadavg_end "$(loadavg)"
log "results in $RESULTS"
