#!/usr/bin/env bash
# The soak (issue 22): SOAK_MINUTES (default 30) of mixed load on two portal servers behind nginx on one PostgreSQL
# (the stack of deploy/two-servers.sh), with server A killed (SIGKILL) in the middle and restarted.
#
#   bash bench/soak.sh [--smoke]        # --smoke: 1 minute, 4 circuits, the Debug build and the tiny seed
#
# The load, all through nginx:
#   - eligibility inquiries: wrk (bench/soak/inquiry.lua: bench/eligibility/inquiry.lua's request, WRK_CONNECTIONS
#     connections (8), each pausing DELAY_MS (40) between requests: at most ~200/s, a steady load, not a throughput test),
#     with a key from the portal's issue-api-key;
#   - page views: CIRCUITS (200) signed-in Blazor circuits in headless Chromium, each moving to the next page inside
#     its circuit every PERIOD_SECONDS (120: an office user's pace; at 30 s the 200 tabs' page moves alone kept two cores
#     busy, p50 4 s a move) (bench/soak-circuits.mjs);
#   - monthly filing: every FILE_EVERY seconds (60) kerman.review downloads the month's template for its agencies,
#     fills every agency's figures (bench/SheetMaker --monthly) and uploads it (/monthly/upload, the worklist's form);
#     the month is the last one before the seed's first report of that office (none of it submitted yet);
#   - file uploads: every UPLOAD_EVERY seconds (5) kerman.review uploads a circular (a unique PDF) through the form.
# Three phases, each its own wrk run: before (half the time), kill (a fifth: A is killed KILL_AFTER seconds in (10) and
# started again RESTART_AFTER seconds later (20)), after (the rest). Then the circuits close and the servers idle.
#
# Checks (exit non-zero when one fails):
#   1. no lost inquiry-log row: rows added to Inquiries >= the 2xx answers wrk counted;
#   2. no lost upload: every circular answered with its new id downloads through nginx with the same SHA-256;
#      every filing answered as written left its figures (the last written filing's count is every report's);
#   3. no 5xx but on the killed server's open connections: nginx's access log, per phase; in the kill phase every
#      5xx came from server A's address;
#   4. memory: each server's RSS after the load (circuits closed, polled every 10 s for up to SETTLE_SECONDS (480: a
#      server gives memory back once it has been quiet 4 minutes, Portal/Hosting/QuietMemoryReturn.cs))
#      returns to within MEMORY_TOLERANCE (1.5) x its RSS before the load (after a warm-up). A's "before" is its first
#      process's: the restarted process must come back to the same level. The smoke reports it without checking.
#      With dotnet-gcdump installed, each server's live heap and circuits are read after that: no circuit may be left.
# STACK_ATTACH=DIR drives a stack that `deploy/two-servers.sh --up` keeps running instead of starting one.
# Writes bench/out/soak-results.txt (bench/out/smoke/ in smoke mode). Needs dotnet, nginx, PostgreSQL's server
# binaries, psql, wrk, node + Chromium (bench/node_modules: npm ci in bench/), curl, openssl, python3.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" soak "$@"
source "$ROOT/deploy/two-servers.sh"
need dotnet nginx psql wrk node curl openssl python3

MINUTES="${SOAK_MINUTES:-30}"
CIRCUITS="${CIRCUITS:-200}"
PERIOD_SECONDS="${PERIOD_SECONDS:-120}"
FILE_EVERY="${FILE_EVERY:-60}"
UPLOAD_EVERY="${UPLOAD_EVERY:-5}"
KILL_AFTER="${KILL_AFTER:-10}"
RESTART_AFTER="${RESTART_AFTER:-20}"
SETTLE_SECONDS="${SETTLE_SECONDS:-480}"
TOLERANCE="${MEMORY_TOLERANCE:-1.5}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-8}"
export DELAY_MS="${DELAY_MS:-40}"
if [[ "$SMOKE" == 1 ]]; then
  MINUTES=1 CIRCUITS=4 PERIOD_SECONDS=5 FILE_EVERY=10 UPLOAD_EVERY=2 KILL_AFTER=3 RESTART_AFTER=4 SETTLE_SECONDS=10 WRK_CONNECTIONS=4
fi
TOTAL=$(( MINUTES * 60 ))
BEFORE=$(( TOTAL / 2 )); KILLPHASE=$(( TOTAL / 5 )); AFTER=$(( TOTAL - BEFORE - KILLPHASE ))
[[ $KILLPHASE -gt $(( KILL_AFTER + RESTART_AFTER + 5 )) ]] || KILLPHASE=$(( KILL_AFTER + RESTART_AFTER + 5 ))
W="$OUT/soak"; rm -rf "$W"; mkdir -p "$W"
RESULTS="$OUT/soak-results.txt"
load() { cut -d' ' -f1-3 /proc/loadavg; }

STACK_SMOKE="$SMOKE"; STACK_CONFIG="$CONFIG"
if [[ "$SMOKE" != 1 ]]; then STACK_SEED_ARGS=(--agencies-per-province 5 --demo-documents false --insured-persons 20000); fi
# The soak is not about the limits: every client here is one loopback address.
STACK_SERVER_ENV=(Eligibility__Limits__PerKeyPerSecond=1000000 Eligibility__Limits__PerAddressPerSecond=1000000)
build "$BENCH_DIR/SheetMaker"
SHEET_MAKER="$BENCH_DIR/SheetMaker/bin/$CONFIG/net10.0/SheetMaker.dll"
if [[ -n "${STACK_ATTACH:-}" ]]; then
  # A stack already running (deploy/two-servers.sh --up prints its folder): no start, no stop.
  source "$STACK_ATTACH/stack.env" || die "no stack in $STACK_ATTACH"
  on_exit 'stack_save'   # A restarted: its new pid for whoever stops the stack
  log "attached to the stack in $STACK_DIR"
else
  on_exit 'stack_down'
  log "starting the stack (load $(load))"
  stack_up || die "the stack did not start"
fi
BASE="$STACK_BASE"; ACCESS="$STACK_DIR/nginx/logs/access.log"
ADDR_A="127.0.0.1:${STACK_PORT[A]}"

# --- preparing the load -----------------------------------------------------------------------------------------------
KEY="$(stack_portal issue-api-key --centre MC-08-01 2>>"$W/key.log" | tail -n1)"
[[ "$KEY" == elg_* ]] || die "issue-api-key printed no key (see $W/key.log)"
stack_psql 'select "NationalId" from "InsuredPersons" order by random() limit 5000' >"$W/ids.txt" || die "no national IDs"
PERIOD="$(dotnet "$SHEET_MAKER" --previous-month)"
[[ "$PERIOD" =~ ^[0-9]{4}-[0-9]{2}$ ]] || die "bench/SheetMaker --previous-month printed '$PERIOD' (an old build? dotnet build bench/SheetMaker)"
# The month filed is one the seed left empty for the review office: the full demo has already submitted its last months'
# reports, and the import rightly refuses a sheet that would change a submitted report (the last try wrote none).
FIRST_SEEDED="$(stack_psql "select coalesce(min(\"Period\"), 0) from \"MonthlyReports\" where \"ReviewOfficeId\" = (select \"Id\" from \"OrgUnits\" where \"Code\" = 'RO-08-1')")"
if [[ "$FIRST_SEEDED" -gt 0 ]]; then
  y=$(( FIRST_SEEDED / 100 )) m=$(( FIRST_SEEDED % 100 - 1 ))
  [[ $m -ge 1 ]] || { y=$(( y - 1 )); m=12; }
  PERIOD="$(printf '%04d-%02d' "$y" "$m")"
fi
REVIEW_JAR="$W/review.jar"
stack_sign_in "$BASE" kerman.review "$REVIEW_JAR" || die "kerman.review could not sign in through nginx"
if [[ ! -d "$BENCH_DIR/node_modules/playwright-core" ]]; then
  (cd "$BENCH_DIR" && npm ci --no-audit --no-fund --loglevel=error >"$W/npm.log" 2>&1) || die "npm ci in bench/ failed (see $W/npm.log)"
fi

# --- one upload, one filing -------------------------------------------------------------------------------------------
# A circular uploaded through BASE's form by JAR's user (a unique PDF): prints "code id sha256", id "-" when the answer
# carried none. Returns 1 when the form did not come (signed out, server gone): the caller signs in again.
upload_once() { # BASE JAR NAME
  local base="$1" jar="$2" file="$W/up-$3.pdf" token answer id
  stack_pdf "$file" "soak upload $3 $(date +%s%N)"
  curl -s -m 30 -c "$jar" -b "$jar" -o "$jar.page" "$base/circulars"
  token="$(stack_token "$jar.page")"
  [[ -n "$token" ]] || { echo "nopage - -"; return 1; }
  answer=$(curl -s -m 60 -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' -F "__RequestVerificationToken=$token" \
    -F "title=بخشنامه آزمون پایداری $3" -F "number=" -F "kind=Circular" -F "recipients=all" \
    -F "file=@$file;type=application/pdf" "$base/circulars/upload")
  id="-"; [[ "$answer" == "302 "*"uploaded="* ]] && id="${answer##*uploaded=}"
  echo "${answer%% *} $id $(sha256sum <"$file" | cut -d' ' -f1)"
}

# The month's sheet for JAR's agencies, every agency's figures VALUE, filed through BASE's worklist form: prints
# "code VALUE written" (written: the rows the answer says were written, or refused:QUERY). Returns 1 when the template
# or the form did not come: the caller signs in again.
file_once() { # BASE JAR VALUE
  local base="$1" jar="$2" template="$W/template-$3.xlsx" sheet="$W/filing-$3.xlsx" token answer code written="-"
  code="$(curl -s -m 60 -b "$jar" -c "$jar" -o "$template" -w '%{http_code}' "$base/monthly/upload/template.xlsx?period=$PERIOD")"
  curl -s -m 30 -b "$jar" -c "$jar" -o "$jar.page" "$base/monthly/worklist?period=$PERIOD"
  token="$(stack_token "$jar.page")"
  [[ "$code" == 200 && -n "$token" ]] || { echo "template-$code - -"; return 1; }
  dotnet "$SHEET_MAKER" --monthly "$template" "$sheet" "$3" >>"$W/filings.err" 2>&1 || { echo "sheetmaker - -"; return 0; }
  answer=$(curl -s -m 120 -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' -F "__RequestVerificationToken=$token" \
    -F "file=@$sheet;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$base/monthly/upload?period=$PERIOD")
  [[ "$answer" == "302 "*"uploaded="* ]] && written="${answer##*uploaded=}"
  [[ "$answer" == *failed=* ]] && written="refused:${answer##*\?}"
  echo "${answer%% *} $3 $written"
}

# --- warm-up ----------------------------------------------------------------------------------------------------------
# Each server, directly, takes every path the load will take before its RSS is read as "before": circuits browsing the
# soak's four pages, inquiries, an upload and a filing. A server's first use of a path loads its types and JITs its code
# once for the life of the process (loader and code heaps, ~125 MB of B's RSS after the soak of 2026-12-05 00:02, by
# dotnet-dump's eeheap -loader), a level the process keeps; with a few requests as its warm-up, B's "before" had none
# of that and its "after" looked like memory not given back.
warm_up() { # NAME
  local name="$1" url="http://127.0.0.1:${STACK_PORT[$1]}" jar="$W/warm-$1.jar" value=1 circuits _
  [[ "$name" == B ]] && value=2
  (cd "$BENCH_DIR" && exec env PERIOD_SECONDS=1 MOVES=4 HOLD_SECONDS=180 node soak-circuits.mjs "$url" 2) \
    >"$W/warm-circuits-$name.txt" 2>>"$W/warm.err" &
  circuits=$!
  for _ in 1 2 3; do
    curl -s -o /dev/null -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
      -d "{\"nationalId\":\"$(head -n1 "$W/ids.txt")\"}" "$url/api/v1/eligibility/general"
  done
  if stack_sign_in "$url" kerman.review "$jar" 2>>"$W/warm.err"; then
    echo "$name upload: $(upload_once "$url" "$jar" "warm-$name")"
    echo "$name filing: $(file_once "$url" "$jar" "$value")"
  else
    echo "$name: kerman.review could not sign in"
  fi
  wait "$circuits"
  echo "$name circuits: $(grep -c ' open ' "$W/warm-circuits-$name.txt") opened, $(grep -c ' nav_ok ' "$W/warm-circuits-$name.txt") page moves"
}
log "warm-up: each server directly, two circuits through the four pages, inquiries, an upload and a filing"
WARMING=()
for name in A B; do warm_up "$name" >"$W/warm-$name.txt" & WARMING+=($!); done
wait "${WARMING[@]}"
while read -r line; do log "  $line"; done < <(cat "$W/warm-A.txt" "$W/warm-B.txt")
sleep 5
declare -A RSS_BEFORE RSS_PEAK RSS_AFTER RSS_END
declare -A PARTS_BEFORE PARTS_AFTER
for name in A B; do RSS_BEFORE[$name]="$(stack_rss_kb "$name")"; RSS_PEAK[$name]="${RSS_BEFORE[$name]}"; PARTS_BEFORE[$name]="$(stack_rss_parts_kb "$name")"; done
log "RSS before the load: A ${RSS_BEFORE[A]} kB, B ${RSS_BEFORE[B]} kB"
ROWS_BEFORE="$(stack_psql 'select count(*) from "Inquiries"')"

# --- the load's loops ---------------------------------------------------------------------------------------------------
# Uploads: "epoch_ms code id sha256" per attempt into uploads.txt.
uploads() {
  local jar="$W/uploads.jar" n=0 line
  stack_sign_in "$BASE" kerman.review "$jar" 2>>"$W/uploads.err" || echo "$(now_ms) signin - -" >>"$W/uploads.txt"
  while [[ ! -f "$W/stop" ]]; do
    n=$((n + 1))
    line="$(upload_once "$BASE" "$jar" "$n")" || stack_sign_in "$BASE" kerman.review "$jar" 2>>"$W/uploads.err"
    echo "$(now_ms) $line" >>"$W/uploads.txt"
    sleep "$UPLOAD_EVERY"
  done
}

# Monthly filing: "epoch_ms code value written" per attempt into filings.txt; each filing's figures are its number + 10.
filings() {
  local jar="$W/filings.jar" n=0 line
  stack_sign_in "$BASE" kerman.review "$jar" 2>>"$W/filings.err" || echo "$(now_ms) signin - -" >>"$W/filings.txt"
  while [[ ! -f "$W/stop" ]]; do
    n=$((n + 1))
    line="$(file_once "$BASE" "$jar" "$((n + 10))")" || stack_sign_in "$BASE" kerman.review "$jar" 2>>"$W/filings.err"
    echo "$(now_ms) $line" >>"$W/filings.txt"
    sleep "$FILE_EVERY"
  done
}

# The servers' RSS every 10 s: "epoch_ms A_kB B_kB".
memory() {
  while [[ ! -f "$W/stop-memory" ]]; do
    source "$STACK_DIR/stack.env"   # the restarted server's pid, saved by stack_server_start
    echo "$(now_ms) $(stack_rss_kb A) $(stack_rss_kb B)" >>"$W/rss.txt"
    sleep 10
  done
}

inquiries() { # PHASE SECONDS
  API_KEY="$KEY" IDS_FILE="$W/ids.txt" wrk -t1 -c"$WRK_CONNECTIONS" -d"${2}s" --latency -s "$BENCH_DIR/soak/inquiry.lua" \
    "$BASE/api/v1/eligibility/general" >"$W/wrk-$1.txt" 2>&1
}

memory & MEM_PID=$!
# Only the load's own loops are waited for: a bare `wait` would also wait for the servers and nginx, which are this
# shell's children too, and hang before stack_down stops them (CI's run hung there).
# Ends the circuits' node and its Chromium: node closes its browser on SIGTERM; Playwright starts Chromium in a process
# group of its own, so what is left after that is killed by group, node's and the browser's (an interrupted run left a
# Chromium with 70 tabs behind).
stop_circuits() {
  [[ -n "$CIRCUITS_PID" ]] || return 0
  local browsers b
  browsers="$(pgrep -P "$CIRCUITS_PID" | tr '\n' ' ')"
  kill -TERM "$CIRCUITS_PID" 2>/dev/null
  for _ in $(seq 1 600); do kill -0 "$CIRCUITS_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$CIRCUITS_PID" 2>/dev/null
  for b in $browsers; do kill -KILL -- "-$b" 2>/dev/null; done
  wait "$CIRCUITS_PID" 2>/dev/null
  CIRCUITS_PID=""
}
on_exit 'touch "$W/stop" "$W/stop-memory"; kill $MEM_PID $UPLOADS_PID $FILINGS_PID 2>/dev/null; stop_circuits; for p in $MEM_PID $UPLOADS_PID $FILINGS_PID; do wait "$p" 2>/dev/null; done'
UPLOADS_PID=""; FILINGS_PID=""; CIRCUITS_PID=""
T0=$(now_ms)
log "load: $CIRCUITS circuits, wrk -c$WRK_CONNECTIONS, a filing every $FILE_EVERY s, an upload every $UPLOAD_EVERY s; ${MINUTES} min (load $(load))"
LOAD_START="$(load)"
# In its own process group (setsid); stop_circuits ends it and its Chromium.
(cd "$BENCH_DIR" && exec setsid env CONCURRENCY="${CIRCUIT_CONCURRENCY:-4}" PERIOD_SECONDS="$PERIOD_SECONDS" HOLD_SECONDS=$(( TOTAL + 600 )) \
  node soak-circuits.mjs "$BASE" "$CIRCUITS") >"$W/circuits.txt" 2>"$W/circuits.err" &
CIRCUITS_PID=$!
uploads & UPLOADS_PID=$!
filings & FILINGS_PID=$!

log "phase before: ${BEFORE} s"
inquiries before "$BEFORE"
T_KILL0=$(now_ms); LOAD_KILL="$(load)"
log "phase kill: ${KILLPHASE} s; A is killed in ${KILL_AFTER} s and started again ${RESTART_AFTER} s later"
inquiries kill "$KILLPHASE" & WRK_PID=$!
sleep "$KILL_AFTER"
OPEN_CIRCUITS_AT_KILL="$(grep -c ' open ' "$W/circuits.txt")"
CONNS_A="$(ss -tnH state established "( dport = :${STACK_PORT[A]} )" 2>/dev/null | wc -l)"
T_KILL=$(now_ms); stack_server_kill A KILL
sleep "$RESTART_AFTER"
T_RESTART=$(now_ms)
stack_server_start A || die "A did not start again"
T_READY=$(now_ms)
wait "$WRK_PID"
T_AFTER0=$(now_ms)
log "phase after: ${AFTER} s"
inquiries after "$AFTER"
T_END=$(now_ms); LOAD_END="$(load)"
touch "$W/stop"
for name in A B; do RSS_END[$name]="$(stack_rss_kb "$name")"; done 2>/dev/null
stop_circuits
wait "$UPLOADS_PID" "$FILINGS_PID" 2>/dev/null
T_CLOSED=$(now_ms)
log "load over; circuits closed (load $(load)); waiting for memory to settle (at most $SETTLE_SECONDS s)"
ROWS_AFTER="$(stack_psql 'select count(*) from "Inquiries"')"

# Memory: poll until both are within the tolerance, or SETTLE_SECONDS pass.
settled=""
for _ in $(seq 1 $(( SETTLE_SECONDS / 10 ))); do
  sleep 10
  within=1
  for name in A B; do
    RSS_AFTER[$name]="$(stack_rss_kb "$name")"
    awk -v a="${RSS_AFTER[$name]}" -v b="${RSS_BEFORE[$name]}" -v t="$TOLERANCE" 'BEGIN { exit !(a <= b * t) }' || within=0
  done
  [[ "$within" == 1 ]] && { settled=$(( ($(now_ms) - T_CLOSED) / 1000 )); break; }
done
touch "$W/stop-memory"; kill "$MEM_PID" 2>/dev/null
for name in A B; do PARTS_AFTER[$name]="$(stack_rss_parts_kb "$name")"; done
# What each server still holds once the tabs have gone: the live heap after a full GC and its circuits, read by
# dotnet-gcdump when it is installed (dotnet tool install -g dotnet-gcdump). A closed tab's circuit is kept 3 minutes
# for a reconnection and then disposed (the circuit registry's entry expires on a timer), so none may be left: one that
# is, is a circuit that never closed. Checked in the full run.
GCDUMP="${GCDUMP:-$(command -v dotnet-gcdump || echo "$HOME/.dotnet/tools/dotnet-gcdump")}"
declare -A HEAP_AFTER HOSTS_AFTER
if [[ -x "$GCDUMP" ]]; then
  for name in A B; do
    report="$("$GCDUMP" report -p "${STACK_PID[$name]}" 2>/dev/null || true)"
    HEAP_AFTER[$name]="$(awk '/GC Heap bytes/ { gsub(",", "", $1); printf "%.0f", $1 / 1048576 }' <<<"$report")"
    HOSTS_AFTER[$name]="$(awk '$3 == "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost" { gsub(",", "", $2); print $2 }' <<<"$report" | grep . || echo 0)"
  done
fi
while read -r _ a b; do
  [[ "$a" -gt "${RSS_PEAK[A]}" ]] && RSS_PEAK[A]=$a; [[ "$b" -gt "${RSS_PEAK[B]}" ]] && RSS_PEAK[B]=$b
done <"$W/rss.txt"

# --- checks ---------------------------------------------------------------------------------------------------------------
failures=()
val() { sed -n "s/^$2=//p" "$W/wrk-$1.txt" | head -n1; }
num() { local v; v="$(val "$@")"; echo "${v:-0}"; }
WRK_2XX=$(( $(num before status_2xx) + $(num kill status_2xx) + $(num after status_2xx) ))
ADDED=$(( ROWS_AFTER - ROWS_BEFORE ))
[[ $ADDED -ge $WRK_2XX ]] || failures+=("lost inquiry-log rows: $ADDED added, $WRK_2XX answered 2xx")

# Uploads: every one answered with an id reads back the same.
UP_OK=0; UP_BAD=0; UP_FAILED=0; DOWN_JAR="$W/down.jar"
stack_sign_in "$BASE" kerman.review "$DOWN_JAR" || failures+=("sign-in for the downloads failed")
while read -r _ code id sha; do
  if [[ "$id" == "-" ]]; then UP_FAILED=$((UP_FAILED + 1)); continue; fi
  got="$(curl -s -m 60 -b "$DOWN_JAR" "$BASE/circulars/$id/file" | sha256sum | cut -d' ' -f1)"
  if [[ "$got" == "$sha" ]]; then UP_OK=$((UP_OK + 1)); else UP_BAD=$((UP_BAD + 1)); echo "circular $id: $got != $sha" >>"$W/uploads-bad.txt"; fi
done <"$W/uploads.txt"
[[ $UP_BAD -eq 0 && $UP_OK -gt 0 ]] || failures+=("uploads: $UP_OK read back equal, $UP_BAD lost or different (see $W/uploads-bad.txt)")

# Filings: the last written filing's count is every report's forwarded files for the month.
FILE_OK="$(awk '$4 ~ /^[0-9]+$/' "$W/filings.txt" | wc -l)"; FILE_TRIED="$(wc -l <"$W/filings.txt")"
LAST_N="$(awk '$4 ~ /^[0-9]+$/ { n = $3 } END { print n }' "$W/filings.txt")"
LAST_ROWS="$(awk '$4 ~ /^[0-9]+$/ { n = $4 } END { print n }' "$W/filings.txt")"
FILED_DB=""
if [[ -n "$LAST_N" ]]; then
  FILED_DB="$(stack_psql "select count(*) filter (where \"FilesForwarded\" = $LAST_N) || '/' || count(*) from \"MonthlyReports\"
    where \"Period\" = ${PERIOD/-/} and \"ReviewOfficeId\" = (select \"Id\" from \"OrgUnits\" where \"Code\" = 'RO-08-1')" 2>&1 || true)"
  [[ "$FILED_DB" == "$LAST_ROWS/$LAST_ROWS" ]] || failures+=("monthly filing: the last written filing ($LAST_ROWS agencies, $LAST_N files each) is in $FILED_DB reports")
else
  failures+=("monthly filing: none was written ($FILE_TRIED tried; see $W/filings.txt)")
fi

# 5xx per phase from nginx's access log ($msec is when the answer ended).
phase5xx() { awk -v from="$1" -v to="$2" '{ t = $1 * 1000 } t >= from && t < to && $2 >= 500 { print }' "$ACCESS"; }
phase_count() { awk -v from="$1" -v to="$2" '{ t = $1 * 1000 } t >= from && t < to { n++ } END { print n + 0 }' "$ACCESS"; }
phase5xx "$T0" "$T_KILL0" >"$W/5xx-before.txt"
phase5xx "$T_KILL0" "$T_AFTER0" >"$W/5xx-kill.txt"
phase5xx "$T_AFTER0" "$(( T_END + 60000 ))" >"$W/5xx-after.txt"
N5_BEFORE=$(wc -l <"$W/5xx-before.txt"); N5_KILL=$(wc -l <"$W/5xx-kill.txt"); N5_AFTER=$(wc -l <"$W/5xx-after.txt")
N5_KILL_A=$(grep -c " $ADDR_A" "$W/5xx-kill.txt"); N5_KILL_A_WINDOW=$(awk -v k="$T_KILL" '{ t = $1 * 1000 } t >= k && t < k + 2000' "$W/5xx-kill.txt" | wc -l)
[[ $N5_BEFORE -eq 0 ]] || failures+=("$N5_BEFORE 5xx before the kill (see $W/5xx-before.txt)")
[[ $N5_AFTER -eq 0 ]] || failures+=("$N5_AFTER 5xx after the restart (see $W/5xx-after.txt)")
[[ $N5_KILL -eq $N5_KILL_A ]] || failures+=("$((N5_KILL - N5_KILL_A)) 5xx in the kill phase not from server A (see $W/5xx-kill.txt)")

# Memory. Reported but not checked in the smoke: a minute's load on the Debug build, even after the warm-up, is
# mostly first-use growth (JIT, tiered code, the GC's heap sizing), not a level to return to (CI's run once had the
# server that was not killed at 414 MB after, 237 MB before).
for name in A B; do
  [[ "$SMOKE" == 1 ]] && break
  awk -v a="${RSS_AFTER[$name]}" -v b="${RSS_BEFORE[$name]}" -v t="$TOLERANCE" 'BEGIN { exit !(a <= b * t) }' \
    || failures+=("server $name's RSS did not come back: ${RSS_AFTER[$name]} kB after, ${RSS_BEFORE[$name]} kB before (tolerance x$TOLERANCE)")
  [[ "${HOSTS_AFTER[$name]:-0}" -eq 0 ]] || failures+=("server $name still holds ${HOSTS_AFTER[$name]} circuits after the tabs closed")
done

# Circuits per phase.
circuit_events() { awk -v from="$1" -v to="$2" -v e="$3" '$2 == e && $1 >= from && $1 < to { n++ } END { print n + 0 }' "$W/circuits.txt"; }
pctl() { sort -n | awk -v q="$1" '{ v[++n] = $1 } END { if (!n) { print "-"; exit } i = int(n * q + 0.999); if (i < 1) i = 1; print v[i] }'; }
nav_p() { awk '$2 == "nav_ok" { print $4 }' "$W/circuits.txt" | pctl "$1"; }
OPENED="$(grep -c ' open ' "$W/circuits.txt")"
[[ "$OPENED" -ge "$CIRCUITS" ]] || failures+=("only $OPENED of $CIRCUITS circuits opened (see $W/circuits.err)")
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
s() { awk -v ms="$1" 'BEGIN { printf "%.0f", ms / 1000 }'; }
{
  echo "Soak: two servers behind nginx, one killed  $(date '+%Y-%m-%d %H:%M')  $(nproc) cores, $CONFIG build"
  echo "load average: at the start $LOAD_START, at the kill $LOAD_KILL, at the end $LOAD_END"
  echo "$MINUTES min: before $(s $((T_KILL0 - T0))) s, kill phase $(s $((T_AFTER0 - T_KILL0))) s (A killed at +$(s $((T_KILL - T_KILL0))) s with $CONNS_A open connections from nginx, started again $(s $((T_RESTART - T_KILL))) s later, answering $(s $((T_READY - T_RESTART))) s after that), after $(s $((T_END - T_AFTER0))) s"
  echo "seed: ${STACK_SEED_ARGS[*]}"
  echo
  printf '%-28s %10s %10s %10s\n' "" before kill after
  printf '%-28s %10s %10s %10s\n' "nginx: requests" "$(phase_count "$T0" "$T_KILL0")" "$(phase_count "$T_KILL0" "$T_AFTER0")" "$(phase_count "$T_AFTER0" "$T_END")"
  printf '%-28s %10s %10s %10s\n' "nginx: 5xx" "$N5_BEFORE" "$N5_KILL" "$N5_AFTER"
  printf '%-28s %10s %10s %10s\n' "  of them from server A" "$(grep -c " $ADDR_A" "$W/5xx-before.txt")" "$N5_KILL_A" "$(grep -c " $ADDR_A" "$W/5xx-after.txt")"
  for k in status_2xx status_4xx status_5xx socket_errors p50_ms p99_ms; do
    printf '%-28s %10s %10s %10s\n' "inquiries: ${k/status_/}" "$(val before $k)" "$(val kill $k)" "$(val after $k)"
  done
  printf '%-28s %10s %10s %10s\n' "inquiries/s" "$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$W/wrk-before.txt")" \
    "$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$W/wrk-kill.txt")" "$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$W/wrk-after.txt")"
  for e in nav_ok nav_fail reload_ok reload_fail; do
    printf '%-28s %10s %10s %10s\n' "circuits: $e" "$(circuit_events "$T0" "$T_KILL0" $e)" "$(circuit_events "$T_KILL0" "$T_AFTER0" $e)" "$(circuit_events "$T_AFTER0" "$T_END" $e)"
  done
  echo
  echo "inquiry log: $ROWS_BEFORE rows before, $ROWS_AFTER after: $ADDED added for $WRK_2XX answered 2xx (wrk)"
  echo "circuits: $OPENED of $CIRCUITS opened (open p50 $(awk '$2 == "open" { print $4 }' "$W/circuits.txt" | pctl 0.5) ms, all open $(awk -v t="$T0" '$2 == "open" { l = $1 } END { printf "%.0f", (l - t) / 1000 }' "$W/circuits.txt") s after the start, $(grep -c ' open_retry ' "$W/circuits.txt") sign-ins retried), $OPEN_CIRCUITS_AT_KILL open at the kill; in-circuit page move p50 $(nav_p 0.5) ms, p99 $(nav_p 0.99) ms"
  echo "uploads: $(wc -l <"$W/uploads.txt") tried, $UP_OK answered with an id and read back equal, $UP_BAD differ or missing, $UP_FAILED not answered with an id ($(awk '$3 == "-" { print $2 }' "$W/uploads.txt" | sort | uniq -c | tr '\n' ' '))"
  echo "monthly filing ($PERIOD, kerman.review's agencies): $FILE_TRIED tried, $FILE_OK written; the last written ($LAST_N files each, $LAST_ROWS agencies) is in ${FILED_DB:-?} reports ($(awk '$4 !~ /^[0-9]+$/ { print $2 }' "$W/filings.txt" | sort | uniq -c | tr '\n' ' '))"
  echo "RSS: A $(mb "${RSS_BEFORE[A]}") MB before, peak $(mb "${RSS_PEAK[A]}"), at the end of the load $(mb "${RSS_END[A]:-0}"), after $(mb "${RSS_AFTER[A]}") MB; B $(mb "${RSS_BEFORE[B]}") MB before, peak $(mb "${RSS_PEAK[B]}"), at the end $(mb "${RSS_END[B]:-0}"), after $(mb "${RSS_AFTER[B]}") MB (tolerance x$TOLERANCE; ${settled:-not} settled ${settled:+s after the circuits closed})"
  parts() { read -r anon file shmem <<<"$1"; echo "$(mb "$anon") anonymous + $(mb "$file") mapped files + $(mb "$shmem") shared (jitted code, type data)"; }
  echo "RSS's parts, MB: A before $(parts "${PARTS_BEFORE[A]}"), after $(parts "${PARTS_AFTER[A]}"); B before $(parts "${PARTS_BEFORE[B]}"), after $(parts "${PARTS_AFTER[B]}")"
  [[ -n "${HEAP_AFTER[A]:-}" ]] && echo "after the load, live heap (full GC, dotnet-gcdump): A ${HEAP_AFTER[A]} MB with ${HOSTS_AFTER[A]} circuits, B ${HEAP_AFTER[B]} MB with ${HOSTS_AFTER[B]} circuits"
  echo
  if [[ ${#failures[@]} -eq 0 ]]; then echo "all checks passed"; else printf 'FAILED: %s\n' "${failures[@]}"; fi
} | tee "$RESULTS"
cp "$ACCESS" "$W/access.log" 2>/dev/null
[[ ${#failures[@]} -eq 0 ]]
