#!/usr/bin/env bash
# Eligibility inquiry on PostgreSQL with 10,000,000 insured persons (issue 22): wrk on loopback against
# POST /api/v1/eligibility/general at 64 connections, every inquiry logged; one portal server, then two behind nginx on
# the same database.
#
#   bash bench/eligibility-postgres.sh [--reseed] [--one] [--smoke]
#
# A throwaway PostgreSQL cluster from Debian's binaries (/usr/lib/postgresql/N/bin) in bench/out/eligibility-pg, seeded
# once with the portal's own seed-demo (binary COPY, see Portal.Demo/InsuredCopy.cs) and kept: reruns start the cluster
# and skip the seed. --reseed throws it away first. --one skips the two-server run. --smoke: 300 persons, 1 s runs.
# Needs dotnet, curl, wrk, bc, nginx (Debian package; started with -p/-c here, never the system service), PostgreSQL.
# Knobs: PERSONS, WRK_DURATION (30s), WRK_WARMUP (10s), WRK_CONNECTIONS (64), BENCH_PORT, PG_SHARED_BUFFERS (2GB),
# PG_CONN_EXTRA (appended to the servers' connection string, e.g. "Max Auto Prepare=0" to try Npgsql settings).
# Each run also prints the CPU the servers and PostgreSQL spent per inquiry.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" eligibility-pg "$@"
PERSONS="${PERSONS:-10000000}"
CENTRE="MC-08-01"
CONNECTIONS="${WRK_CONNECTIONS:-64}"
DURATION="${WRK_DURATION:-30s}"
WARMUP="${WRK_WARMUP:-10s}"
SHARED_BUFFERS="${PG_SHARED_BUFFERS:-2GB}"
TWO=1
for arg in "${ARGS[@]}"; do [[ "$arg" == --one ]] && TWO=0; done
if [[ "$SMOKE" == 1 ]]; then PERSONS=300 CONNECTIONS=4 DURATION=1s WARMUP=1s; fi
PG_ROOT="$OUT/eligibility-pg"
PG_DATA="$PG_ROOT/data"
IDS="$OUT/eligibility-pg-ids.txt"
RESULTS="$OUT/eligibility-postgres-results.txt"
need dotnet curl wrk bc
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL server binaries not found: apt-get install -y postgresql"
load() { cut -d' ' -f1-3 /proc/loadavg; }
as_pg() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
build "$ROOT/Portal"

# The cluster: loopback only, its socket in its own folder. Tuned for this machine (2 cores, 23 GB shared with others):
# shared_buffers 2 GB (the persons' heap and NationalId index and the premiums' key index are ~5 GB; the rest is the OS
# page cache), no checkpoints inside a run (max_wal_size 16 GB, 30 min), room for two servers' pools (max_connections 300).
# Durability as production: fsync on, synchronous_commit on (an inquiry is answered only after its row's commit is on
# disk); only the one-off seed runs with fsync off and a 1 GB WAL (a 16 GB one filled this shared disk), followed by a
# clean shutdown (its checkpoint) and a sync.
PG_PORT="$(free_port 55432)"
pg_start() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 300 -l "$PG_ROOT/server.log" -o "-p $PG_PORT -k $PG_ROOT -c listen_addresses=127.0.0.1 \
    -c shared_buffers=$SHARED_BUFFERS -c effective_cache_size=8GB -c work_mem=16MB -c maintenance_work_mem=1GB \
    -c max_connections=300 -c max_wal_size=16GB -c checkpoint_timeout=30min -c wal_buffers=64MB \
    -c random_page_cost=1.1 -c effective_io_concurrency=64 -c jit=off $*" start >/dev/null
}
pg_stop() { [[ -f "$PG_DATA/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 300 -m fast stop >/dev/null || true; }
psql_q() { as_pg "$PG_BIN/psql" -h "$PG_ROOT" -p "$PG_PORT" -U postgres -d portal -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=portal${PG_CONN_EXTRA:+;$PG_CONN_EXTRA}"
pg_portal() { (cd "$ROOT/Portal" && Database__Provider=Postgres ConnectionStrings__Portal="$CONN" Files__Root="$PG_ROOT/files" dotnet "$PORTAL_DLL" "$@"); }

[[ "$SMOKE" == 1 || "${ARGS[0]:-}" == --reseed ]] && rm -rf "$PG_ROOT"
if [[ ! -f "$PG_ROOT/seeded" ]]; then
  rm -rf "$PG_ROOT" "$IDS"; mkdir -p "$PG_ROOT"
  [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$PG_ROOT"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --no-sync >"$PG_ROOT/initdb.log" 2>&1 || die "initdb failed (see $PG_ROOT/initdb.log)"
  pg_start -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=1GB -c checkpoint_timeout=5min
  on_exit pg_stop
  as_pg "$PG_BIN/createdb" -h "$PG_ROOT" -p "$PG_PORT" -U postgres portal
  log "seeding PostgreSQL (10 agencies per province, $PERSONS insured persons; load $(load))"
  START=$SECONDS
  pg_portal seed-demo --agencies-per-province 10 --demo-documents false --insured-persons "$PERSONS" >"$OUT/eligibility-pg-seed.log" 2>&1 \
    || die "seed-demo failed (see $OUT/eligibility-pg-seed.log)"
  SEED_S=$((SECONDS - START))
  log "seeded in $SEED_S s (load $(load)): $(grep '^Insured persons' "$OUT/eligibility-pg-seed.log" || true); VACUUM (ANALYZE)"
  START=$SECONDS
  psql_q "VACUUM (ANALYZE)"   # hint bits and the visibility map set once, not by the first inquiries or autovacuum during a run
  echo "seed-demo $SEED_S s, vacuum $((SECONDS - START)) s, load $(load)" >"$PG_ROOT/seed-time.txt"
  pg_stop; sync
  touch "$PG_ROOT/seeded"
fi
pg_start
on_exit pg_stop
PERSONS_IN_DB="$(psql_q 'select count(*) from "InsuredPersons"')"
[[ "$PERSONS_IN_DB" -ge "$PERSONS" ]] || die "the cluster holds $PERSONS_IN_DB persons: run with --reseed"
if [[ ! -s "$IDS" ]]; then
  log "sampling 100,000 national IDs of the 10 million plus 5,000 valid unknown ones into $IDS"
  psql_q 'select "NationalId" from "InsuredPersons" order by random() limit 100000' >"$IDS"
  awk 'BEGIN { srand(7); for (n = 0; n < 5000; n++) { b = sprintf("0%08d", int(rand() * 100000000)); s = 0;
       for (i = 1; i <= 9; i++) s += substr(b, i, 1) * (11 - i); r = s % 11; print b (r < 2 ? r : 11 - r) } }' >>"$IDS"
fi
KEY="$(pg_portal issue-api-key --centre "$CENTRE" 2>>"$OUT/eligibility-pg-seed.log" | tail -n1)"
[[ "$KEY" == elg_* ]] || die "issue-api-key printed no key"

# One portal server (Release, Staging: production's pipeline; limits raised, logging at Warning), as eligibility.sh.
APP_PIDS=()
start_portal() { # PORT LOG
  start_app "$2" "http://127.0.0.1:$1/ping" env -C "$ROOT/Portal" ASPNETCORE_ENVIRONMENT=Staging \
    Database__Provider=Postgres ConnectionStrings__Portal="$CONN" Files__Root="$PG_ROOT/files" \
    Eligibility__Limits__PerKeyPerSecond=1000000 Eligibility__Limits__PerAddressPerSecond=1000000 \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
    dotnet "$PORTAL_DLL" "--urls=http://127.0.0.1:$1"
  APP_PIDS+=("$APP_PID"); APP_PID=""
}
stop_portals() { local p; for p in "${APP_PIDS[@]}"; do APP_PID="$p"; stop_app; done; APP_PIDS=(); }
on_exit stop_portals

inquiry() { # URL DURATION
  API_KEY="$KEY" IDS_FILE="$IDS" wrk -t2 -c"$CONNECTIONS" -d"$2" --latency -s "$BENCH_DIR/eligibility/inquiry.lua" "$1/api/v1/eligibility/general"; }
rows() { psql_q 'select count(*) from "Inquiries"'; }
rps() { awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
pct() { awk -v p="$2%" '$1 == p { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        printf "%.2f", v * (u == "us" ? 0.001 : u == "s" ? 1000 : u == "m" ? 60000 : 1) }' "$1"; }
completed() { awk '/requests in/ { print $1 }' "$1"; }
non2xx() { awk '/Non-2xx/ { print $NF; f = 1 } END { if (!f) print 0 }' "$1"; }
socket() { awk '/Socket errors/ { sub(/.*Socket errors: /, ""); print; f = 1 } END { if (!f) print "none" }' "$1"; }

# CPU time (clock ticks) the portal servers and PostgreSQL (the postmaster and its backends) have used so far: where the
# two cores go per inquiry, so the figure can be read for a server that has its cores to itself.
ticks() { local p t=0; for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$(( t + $(awk '{ print $14 + $15 }' "/proc/$p/stat") )); done; echo "$t"; }
portal_ticks() { ticks "${APP_PIDS[@]}"; }
pg_ticks() { local pm; pm="$(head -n1 "$PG_DATA/postmaster.pid")"; ticks "$pm" $(pgrep -P "$pm"); }
HZ="$(getconf CLK_TCK)"

# measure NAME URL: warm-up, then the measured run with the log rows counted around it; one result line.
measure() {
  local name="$1" url="$2" out="$OUT/eligibility-pg-wrk-$1.txt" before after load_before portal0 pg0
  local sample answer; sample="$(head -n1 "$IDS")"
  answer="$(curl -s -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' -d "{\"nationalId\":\"$sample\"}" "$url/api/v1/eligibility/general")"
  [[ "$answer" == *trackingCode* ]] || die "$name: the inquiry did not answer: $answer"
  log "$name: warming up $WARMUP"
  [[ "$SMOKE" == 1 ]] || { inquiry "$url" "$WARMUP" >/dev/null; sleep 2; }
  load_before="$(load)"; before="$(rows)"
  log "$name: wrk -t2 -c$CONNECTIONS -d$DURATION --latency (load $load_before)"
  portal0="$(portal_ticks)"; pg0="$(pg_ticks)"
  inquiry "$url" "$DURATION" >"$out"
  local portal_cpu=$(( $(portal_ticks) - portal0 )) pg_cpu=$(( $(pg_ticks) - pg0 ))
  sleep 1; after="$(rows)"
  local ok=$(( $(completed "$out") - $(non2xx "$out") )) added=$(( after - before ))
  printf '%-34s %8s %8s %8s %8s %10s %8s %10s %10s  %s\n' "$name" "$(rps "$out")" "$(pct "$out" 50)" "$(pct "$out" 90)" "$(pct "$out" 99)" \
    "$(completed "$out")" "$(non2xx "$out")" "$added" "$ok" "$load_before" >>"$RESULTS.rows"
  awk -v n="$name" -v a="$portal_cpu" -v b="$pg_cpu" -v hz="$HZ" -v c="$(completed "$out")" 'BEGIN {
    pa = a * 1000 / hz / c; pb = b * 1000 / hz / c
    printf "%-34s CPU per inquiry: portal server(s) %.3f ms, PostgreSQL %.3f ms; a server with 2 cores of its own: at most ~%.0f/s, its CPU the bound\n", n, pa, pb, 2000 / pa }' >>"$RESULTS.cpu"
  [[ $added -ge $ok && $((added - ok)) -le $CONNECTIONS && $(non2xx "$out") == 0 ]] || log "$name: LOG CHECK FAILED: $added rows for $ok answers"
}

rm -f "$RESULTS.rows" "$RESULTS.cpu"
PORT1="$(free_port "${BENCH_PORT:-5310}")"
log "one server on http://127.0.0.1:$PORT1 (load $(load))"
start_portal "$PORT1" "$OUT/eligibility-pg-app1.log"
measure one-server "http://127.0.0.1:$PORT1"
RSS1="$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/${APP_PIDS[0]}/status")"

if [[ "$TWO" == 1 ]]; then
  need nginx
  PORT2="$(free_port $((PORT1 + 1)))"
  NGINX_PORT="$(free_port $((PORT2 + 1)))"
  log "second server on http://127.0.0.1:$PORT2, nginx on $NGINX_PORT (round robin for /api/)"
  start_portal "$PORT2" "$OUT/eligibility-pg-app2.log"
  NGX="$PG_ROOT/nginx"; rm -rf "$NGX"; mkdir -p "$NGX/logs"
  # The minimal balancer this bench needs (deploy/nginx.conf is the production sample, with sticky Blazor circuits):
  # round robin over the two servers, keep-alive connections to them, one worker per core, no access log.
  cat >"$NGX/nginx.conf" <<EOF
worker_processes 2;
pid $NGX/nginx.pid;
error_log $NGX/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $NGX/body; proxy_temp_path $NGX/proxy; fastcgi_temp_path $NGX/fastcgi; uwsgi_temp_path $NGX/uwsgi; scgi_temp_path $NGX/scgi;
  upstream portal_api { server 127.0.0.1:$PORT1; server 127.0.0.1:$PORT2; keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /api/ { proxy_pass http://portal_api; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host;
                     proxy_set_header X-Forwarded-For \$remote_addr; }
    location / { proxy_pass http://portal_api; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
EOF
  nginx -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/logs/error.log" || die "nginx did not start (see $NGX/logs/error.log)"
  on_exit "kill \$(cat '$NGX/nginx.pid' 2>/dev/null) 2>/dev/null || true"
  for _ in $(seq 1 100); do [[ "$(curl -s "http://127.0.0.1:$NGINX_PORT/ping")" == pong ]] && break; sleep 0.05; done
  measure two-servers-nginx "http://127.0.0.1:$NGINX_PORT"
fi

PG_SIZE="$(psql_q "select pg_size_pretty(pg_database_size('portal'))")"
{
  echo "Eligibility inquiry on PostgreSQL  $(date '+%Y-%m-%d %H:%M')  $(nproc) cores  uptime: $(uptime)"
  echo "$PERSONS_IN_DB insured persons ($(psql_q 'select count(*) from "PremiumMonths"') premium months, $(psql_q 'select count(*) from "RegisteredMobiles"') mobiles); database $PG_SIZE; PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), shared_buffers $SHARED_BUFFERS"
  [[ -f "$PG_ROOT/seed-time.txt" ]] && echo "seed: $(cat "$PG_ROOT/seed-time.txt"); $(grep '^Insured persons' "$OUT/eligibility-pg-seed.log" 2>/dev/null || true)"
  echo "ids: $(wc -l <"$IDS") ($(grep -c '^0' "$IDS") unknown); wrk -t2 -c$CONNECTIONS -d$DURATION --latency on 127.0.0.1 (wrk, nginx, the servers and PostgreSQL share the 2 cores), after a $WARMUP warm-up"
  echo "server 1 RSS after its run: $RSS1 MB"
  echo
  printf '%-34s %8s %8s %8s %8s %10s %8s %10s %10s  %s\n' "run" "req/s" "p50 ms" "p90 ms" "p99 ms" "requests" "non-2xx" "log rows" "2xx" "load before"
  cat "$RESULTS.rows"
  echo
  cat "$RESULTS.cpu"
  echo
  echo "Targets (one server): at least 3,000 inquiries/s, p99 under 50 ms, a log row for every 2xx answer (at most $CONNECTIONS more: in flight when wrk stopped)"
} | tee "$RESULTS"
log "results in $RESULTS (wrk's output: $OUT/eligibility-pg-wrk-*.txt; the servers' logs: $OUT/eligibility-pg-app*.log; PostgreSQL's: $PG_ROOT/server.log)"
