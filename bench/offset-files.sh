#!/usr/bin/env bash
# Offset files at a big province's size (issue "Measured"): Kerman with 5,000 debtor workshops, 20,000 seized assets and
# 800 contracted medical centres (one claim each), seeded by the portal's own seed command, measured through the portal's
# real services as Kerman's demo users:
#   a. the file page's server time: BenchmarkDotNet on OffsetBoard.FileAsync, and a signed-in GET of the prerendered page;
#   b. sending a 5,000-debtor file (cover letter PDF + two workbooks), cold and warm, with peak memory;
#   c. posting 1,000 settlements (the treatment side's confirmations), with the ledger's invariants checked after.
#
#   bash bench/offset-files.sh [--reseed] [--smoke]
#
# Seeds bench/out/offset-files.db once (~1.5 min), arranges its three files once; every send or posting run works on a
# fresh copy. Prints a summary and writes bench/out/offset-files-results.txt. Needs dotnet, sqlite3, curl, bc and
# /usr/bin/chromium. --smoke: the shared tiny database, each step once (bench/lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" offset-files "$@"
DB="$OUT/offset-files.db"
RESULTS="$OUT/offset-files-results.txt"
need dotnet sqlite3 curl bc
fresh_copy() { rm -f "$1" "$1-shm" "$1-wal"; sqlite3 "$DB" ".backup '$1'"; }
build "$ROOT/Portal" "$BENCH_DIR/OffsetFiles"
bench() { (cd "$BENCH_DIR/OffsetFiles" && BENCH_DB="$1" BENCH_FILES="$2" BENCH_SMOKE="$SMOKE" dotnet "bin/$CONFIG/net10.0/OffsetFiles.dll" "${@:3}"); }
# Smoke: the shared tiny database, each read once, one GET of each page, one send, one posting run.
if [[ "$SMOKE" == 1 ]]; then GETS=1 SENDS=1 WORKERS=(1); else GETS=15 SENDS=5 WORKERS=(1 4); fi

if [[ "$SMOKE" == 1 || ! -f "$DB" || "${ARGS[0]:-}" == "--reseed" ]]; then
  if [[ "$SMOKE" == 1 ]]; then
    smoke_db "$DB"
  else
    rm -rf "$DB" "$DB-shm" "$DB-wal" "$OUT/offset-files-files"
    log "seeding $DB (demo + per demo province 5,000 debtors with 4 seized assets each, 800 medical centres)"
    START=$SECONDS
    portal "$DB" seed-demo --demo-documents false --offset-debtors 5000 --offset-assets-per-debtor 4 --offset-centres 800 \
      >"$OUT/offset-files-seed.log" 2>&1 || die "seed-demo failed (see $OUT/offset-files-seed.log)"
    log "seeded in $((SECONDS - START)) s"
  fi
  log "arranging the files (sends two, so Chromium starts once)"
  bench "$DB" "$OUT/offset-files-files" --arrange | tee "$OUT/offset-files-arrange.log" >&2
fi
KERMAN="(select Id from Provinces where Code = '08')"
log "Kerman: $(sqlite3 "$DB" "select count(*) from DebtorWorkshops where ProvinceId = $KERMAN") debtors," \
  "$(sqlite3 "$DB" "select count(*) from SeizedAssets where ProvinceId = $KERMAN") seized assets," \
  "$(sqlite3 "$DB" "select count(*) from OrgUnits where Kind = (select Kind from OrgUnits where Code = 'MC-08-01') and ProvinceId = $KERMAN") medical centres," \
  "$(sqlite3 "$DB" "select count(*) from CenterClaims where ProvinceId = $KERMAN") claims"
file_id() { sqlite3 "$DB" "select Id from OffsetFiles where Title like '$1'"; }
SENT_ID="$(file_id 'بنچمارک — همه%ارسال%')"; DRAFT_ID="$(file_id 'بنچمارک — همه%در دست تهیه%')"; AGREEMENTS_ID="$(file_id 'بنچمارک — 1000 توافق')"
[[ -n "$SENT_ID" && -n "$DRAFT_ID" && -n "$AGREEMENTS_ID" ]] || die "the bench files are missing: run with --reseed"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- a. the file page: BenchmarkDotNet on FileAsync, then a signed-in GET of the prerendered page ---------------------
log "a. BenchmarkDotNet on OffsetBoard.FileAsync (files $SENT_ID, $DRAFT_ID, $AGREEMENTS_ID)"
if [[ "$SMOKE" == 1 ]]; then BDN_ARGS=(--smoke); else BDN_ARGS=(--filter '*' --join --exporters markdown --artifacts "$OUT/offset-files-artifacts"); fi
bench "$DB" "$OUT/offset-files-files" "${BDN_ARGS[@]}" >"$OUT/offset-files-bdn.log" 2>&1 \
  || die "BenchmarkDotNet failed (see $OUT/offset-files-bdn.log)"
BDN_TABLE="$(grep -E "^\|" "$OUT/offset-files-bdn.log")"

log "a. GET /offset/{id} signed in, against the app itself (Release build, Development environment)"
HTTP_DB="$OUT/offset-files-http.db"; fresh_copy "$HTTP_DB"
PORT="$(free_port "${BENCH_PORT:-5297}")"; BASE="http://127.0.0.1:$PORT"; WORK="$(mktemp -d)"; on_exit 'rm -rf "$WORK"'
start_app "$OUT/offset-files-app.log" "$BASE/account/login" env -C "$ROOT/Portal" ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__Portal="Data Source=$HTTP_DB" Files__Root="$OUT/offset-files-files" dotnet "$PORTAL_DLL" "--urls=$BASE"
sign_in "$BASE" kerman.generaloffice "$WORK/jar"
get_page() { # get_page ID LABEL: 3 warm-ups, then the median of 15 GETs (curl's time to the last byte on 127.0.0.1)
  local id=$1 label=$2 times=() code size rows
  [[ "$SMOKE" == 1 ]] || for _ in 1 2 3; do curl -s -o "$WORK/page.html" -b "$WORK/jar" "$BASE/offset/$id"; done
  code=$(curl -s -o "$WORK/page.html" -w '%{http_code}' -b "$WORK/jar" "$BASE/offset/$id")
  [[ "$code" == 200 ]] || die "GET /offset/$id gave $code"
  size=$(stat -c %s "$WORK/page.html"); rows=$(grep -o '<tr' "$WORK/page.html" | wc -l)
  for _ in $(seq 1 "$GETS"); do times+=("$(curl -s -o /dev/null -w '%{time_total}' -b "$WORK/jar" "$BASE/offset/$id")"); done
  local median; median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (GETS + 1) / 2 ))p")
  printf '%-62s %6.0f ms  (%s KB of HTML, %s table rows)\n' "GET /offset/$id, $label" "$(echo "$median * 1000" | bc -l)" "$((size / 1024))" "$rows"
}
HTTP_LINES="$(get_page "$SENT_ID" "sent file, 5,000 + 800, general office"; get_page "$DRAFT_ID" "draft, 5,000 + 800 + the province's lists"; \
  get_page "$AGREEMENTS_ID" "sent file, 1,000 + 800 + 1,000 outcomes")"
echo "$HTTP_LINES" >&2
stop_app

# --- b. sending ------------------------------------------------------------------------------------------------------
log "b. sending: $SENDS fresh 5,000-debtor files, the first cold"
SEND_DB="$OUT/offset-files-send.db"; fresh_copy "$SEND_DB"; rm -rf "$OUT/offset-files-send-files"
SEND_LOG="$(bench "$SEND_DB" "$OUT/offset-files-send-files" --send "$SENDS")"; echo "$SEND_LOG" >&2

# --- c. posting ------------------------------------------------------------------------------------------------------
POST_LOG=""
for workers in "${WORKERS[@]}"; do
  log "c. posting 1,000 settlements, $workers treatment worker(s), on a fresh copy"
  POST_DB="$OUT/offset-files-post.db"; fresh_copy "$POST_DB"
  POST_LOG+="$(bench "$POST_DB" "$OUT/offset-files-files" --post "$workers")"$'\n'
done
echo "$POST_LOG" >&2

value() { grep -o "$1=[^ ]*" <<<"$SEND_LOG$POST_LOG" | head -n1 | cut -d= -f2; }
verdict() { [[ "$1" =~ ^[0-9]+$ && "$1" -lt "$2" ]] && echo PASS || echo FAIL; }
SENT_GET="$(sed -n 1p <<<"$HTTP_LINES" | grep -o '[0-9]* ms' | head -n1 | cut -d' ' -f1)"
SENT_FILEASYNC="$(grep -F "Sent file, 5,000 debtors + 800 claims: FileAsync as general office" <<<"$BDN_TABLE" | cut -d'|' -f3 | tr -d ' ')"
{
  echo "Offset files benchmark  $(date '+%Y-%m-%d %H:%M')  $(nproc) cores  load average at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Kerman: 5,000 debtor workshops, 20,000 seized assets, 800 medical centres with one claim each (seed-demo --offset-debtors 5000 --offset-assets-per-debtor 4 --offset-centres 800)"
  echo
  echo "a. The file page (file $SENT_ID: all 5,000 debtors and 800 claims, sent; $DRAFT_ID: the same as a draft; $AGREEMENTS_ID: 1,000 debtors, 800 claims, 1,000 outcomes)"
  echo "   OffsetBoard.FileAsync, BenchmarkDotNet (in process, 10 iterations after 3 warm-ups; the mean is server time, SQL + rows):"
  echo "$BDN_TABLE" | sed 's/^/   /'
  echo "   The prerendered page over HTTP (signed in as kerman.generaloffice; median of 15, after 3 warm-ups):"
  echo "$HTTP_LINES" | sed 's/^/   /'
  echo
  echo "b. Sending (OffsetDesk.SendAsync as kerman.director: cover letter PDF + debtors workbook with a 20,000-row assets sheet + claims workbook):"
  grep '^\[send\]' <<<"$SEND_LOG" | sed 's/^\[send\] /   /'
  echo
  echo "c. Posting 1,000 settlements (OffsetLedger.ConfirmAsync as kerman.treatment, one transaction each):"
  grep '^\[post\]' <<<"$POST_LOG" | sed 's/^\[post\] /   /'
  echo
  echo "Targets"
  echo "   file page under 100 ms:             FileAsync mean $SENT_FILEASYNC, full GET ${SENT_GET} ms   $(verdict "${SENT_GET:-x}" 100)"
  echo "   sending under 5 s (warm):           median $(value send_warm_median_ms) ms, cold $(value send_cold_ms) ms, peak $(value send_peak_mb) MB   $(verdict "$(value send_warm_median_ms)" 5000)"
  echo "   1,000 postings under 5 s:           $(value post_1w_ms) ms sequential, $(value post_4w_ms) ms with 4 workers   $(verdict "$(value post_1w_ms)" 5000)"
  echo "   invariants:                         $(value invariants_1w) (sequential), $(value invariants_4w) (4 workers)"
} | tee "$RESULTS"
log "results in $RESULTS"
