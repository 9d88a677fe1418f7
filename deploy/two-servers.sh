#!/usr/bin/env bash
# Two portal servers behind nginx on one PostgreSQL, on this machine's loopback, and the checks that they act as one
# portal (issue 22):
#
#   bash deploy/two-servers.sh            # published Release build, Staging; seeds 10 agencies per province, 100,000 insured persons
#   bash deploy/two-servers.sh --smoke    # Debug build (as `dotnet build` made it) in Development, a tiny seed. bench/smoke.sh runs it
#   bash deploy/two-servers.sh --keep     # the checks, then leaves the stack running and prints its URLs (Ctrl-C stops it)
#   bash deploy/two-servers.sh --up       # no checks: starts the stack, prints its URLs and STACK_DIR, keeps it (TERM stops it)
#   STACK_SEED="--agencies-per-province 10 --insured-persons 10000000" STACK_ENV="Name=value ..." bash deploy/two-servers.sh --up
#
# It starts a throwaway PostgreSQL cluster from Debian's binaries (/usr/lib/postgresql/*/bin; as the postgres user when
# root), migrates and seeds the portal with its own commands (`migrate`, `seed-demo`), starts servers A and B on
# loopback ports sharing one file-store folder and one data-protection certificate (a fresh PFX), and Debian's nginx
# (`nginx -p DIR -c DIR/nginx.conf`, not the system service) with a copy of deploy/nginx/portal.conf. Then it checks:
#   1. /ping through nginx;
#   2. sign-in through nginx with the real form (antiforgery token, POST, 302 to /);
#   3. stickiness: the browser's requests carrying nginx's affinity cookie all reached one server (nginx's access log);
#   4. the circuit's websocket: /_blazor negotiate + websocket upgrade (101) through nginx; the connection token is
#      unknown to the other server (404 there), which is why circuits must be sticky; and a real signed-in circuit in
#      headless Chromium through nginx (bench/circuits.mjs);
#   5. a user signed in on A is signed in on B (the same cookie), and a circular uploaded through A is downloaded
#      through B with the same SHA-256 (one file store);
#   6. A killed (SIGKILL): nginx answers through B, a new sign-in works, the circular still downloads;
#   7. A restarted: it answers again.
# Prints each check; exits non-zero at the first that fails.
#
# Reuse: `source deploy/two-servers.sh` defines the stack_* functions below without running anything; bench/soak.sh
# and the eligibility benchmark drive their load through them:
#   stack_up                 PostgreSQL + migrate + seed + servers A and B + nginx; sets STACK_BASE (nginx), STACK_URL_A,
#                            STACK_URL_B, STACK_CONN (Npgsql), STACK_DIR; STACK_SEED_ARGS (array; or STACK_SEED, a
#                            string), STACK_SERVER_ENV (array of extra NAME=value for the servers; or STACK_ENV),
#                            STACK_SERVERS (names, default "A B"), STACK_CONFIG (Debug/Release), STACK_PG_OPTS (extra
#                            postgres -c settings) are read first; writes STACK_DIR/stack.env (stack_save)
#   stack_server_start NAME  stack_server_kill NAME [SIGNAL]   stack_server_pid NAME   stack_rss_kb NAME   stack_rss_parts_kb NAME
#   stack_portal ARGS...     runs an admin command (e.g. issue-api-key --centre MC-08-01) on the stack's database
#   stack_psql SQL           one query on the portal's database, unaligned, no headers
#   stack_sign_in BASE USER JAR   the real sign-in form into a curl cookie jar
#   stack_down               stops everything and removes STACK_DIR (unless STACK_KEEP_DIR=1)
set -uo pipefail

STACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STACK_PASSWORD="portal-demo-1403"
: "${STACK_SERVERS:=A B}"
: "${STACK_SMOKE:=0}"
STACK_DIR="${STACK_DIR:-}"
declare -A STACK_PORT=() STACK_PID=()
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stack_log() { echo "[stack $(date +%H:%M:%S)] $*" >&2; }
stack_fail() { stack_log "FAIL: $*"; return 1; }

# The first free loopback port from $1 on (a connect that fails means nobody listens).
stack_free_port() {
  local p
  for p in $(seq "$1" $(( $1 + 200 ))); do
    [[ " ${STACK_PORT[*]:-} ${STACK_PG_PORT:-} ${STACK_NGINX_PORT:-} " == *" $p "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

stack_as_postgres() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# --- PostgreSQL -------------------------------------------------------------------------------------------------------
stack_pg_start() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [[ -x "$bin/initdb" ]] || { stack_fail "PostgreSQL server binaries not found: apt-get install -y postgresql"; return 1; }
  STACK_PG_BIN="$bin"
  STACK_PG_PORT="$(stack_free_port 55432)" || return 1
  mkdir -p "$STACK_DIR/pg"
  [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$STACK_DIR/pg"
  stack_as_postgres "$bin/initdb" -D "$STACK_DIR/pg/data" -A trust -U postgres -E UTF8 --no-sync >"$STACK_DIR/pg-initdb.log" 2>&1 \
    || { stack_fail "initdb failed (see $STACK_DIR/pg-initdb.log)"; return 1; }
  # Two servers' connection pools (Npgsql's default Maximum Pool Size is 100 each) plus the admin commands.
  local opts="-p $STACK_PG_PORT -k $STACK_DIR/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB"
  [[ "$STACK_SMOKE" == 1 ]] && opts+=" -c fsync=off -c synchronous_commit=off"
  opts+=" ${STACK_PG_OPTS:-}"
  stack_as_postgres "$bin/pg_ctl" -D "$STACK_DIR/pg/data" -w -l "$STACK_DIR/pg/server.log" -o "$opts" start >/dev/null \
    || { stack_fail "PostgreSQL did not start (see $STACK_DIR/pg/server.log)"; return 1; }
  STACK_CONN="Host=127.0.0.1;Port=$STACK_PG_PORT;Username=postgres;Database=portal"
  stack_log "PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$STACK_PG_PORT ($STACK_DIR/pg)"
}

stack_psql() { psql -h 127.0.0.1 -p "$STACK_PG_PORT" -U postgres -d portal -XAtq -v ON_ERROR_STOP=1 -c "$1"; }

# --- the portal -------------------------------------------------------------------------------------------------------
# Every server and admin command gets the same settings: PostgreSQL, the shared file store, the shared certificate.
# The servers do not migrate on start (README "Deploying behind nginx"): seed-demo has migrated, once.
stack_env_args() {
  STACK_ENV_ARGS=(-C "$STACK_CONTENT_ROOT" ASPNETCORE_ENVIRONMENT="$STACK_ENVIRONMENT"
    Database__Provider=Postgres ConnectionStrings__Portal="$STACK_CONN" Database__MigrateOnStartup=false Files__Root="$STACK_FILES"
    DataProtection__CertificatePath="$STACK_DIR/dp.pfx" DataProtection__CertificatePassword="$STACK_DP_PASSWORD"
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning
    Logging__LogLevel__Portal.Hosting.QuietMemoryReturn=Information   # what a quiet server gave back, in its log
    "${STACK_SERVER_ENV[@]}")
}
stack_env() { stack_env_args; env "${STACK_ENV_ARGS[@]}" "$@"; }
stack_portal() { stack_env dotnet "$STACK_DLL" "$@"; }

stack_server_start() {
  local name="$1" port="${STACK_PORT[$1]:-}"
  [[ -n "$port" ]] || { port="$(stack_free_port $(( 5400 + RANDOM % 400 )))" || return 1; STACK_PORT[$name]="$port"; }
  local url="http://127.0.0.1:$port"
  # A simple command (not a function) in the background: $! is env's pid, which becomes dotnet's (exec), so a kill
  # reaches the server itself.
  stack_env_args
  env "${STACK_ENV_ARGS[@]}" dotnet "$STACK_DLL" "--urls=$url" >>"$STACK_DIR/server-$name.log" 2>&1 &
  STACK_PID[$name]=$!
  echo "${STACK_PID[$name]}" >"$STACK_DIR/server-$name.pid"
  printf -v "STACK_URL_$name" '%s' "$url"
  # A restarted server's pid, for whoever reads the stack from its file (the soak's memory poller, an attached script).
  [[ -f "$STACK_DIR/stack.env" ]] && stack_save
  # STACK_START_SECONDS (300): on a machine other work shares, a start has taken three minutes.
  local deadline=$(( SECONDS + ${STACK_START_SECONDS:-300} ))
  while [[ $SECONDS -lt $deadline ]]; do
    [[ "$(curl -s --max-time 2 "$url/ping" || true)" == *pong* ]] && { stack_log "server $name on $url (pid ${STACK_PID[$name]})"; return 0; }
    kill -0 "${STACK_PID[$name]}" 2>/dev/null || { stack_fail "server $name exited during start-up (see $STACK_DIR/server-$name.log)"; return 1; }
    sleep 0.1
  done
  stack_fail "server $name gave no pong on $url/ping within ${STACK_START_SECONDS:-300} s"
}

stack_server_pid() { echo "${STACK_PID[$1]:-}"; }

# stack_server_kill NAME [SIGNAL]: SIGKILL by default (a crash, not a shutdown); waits until it is gone.
stack_server_kill() {
  local pid="${STACK_PID[$1]:-}"
  [[ -n "$pid" ]] || return 0
  kill "-${2:-KILL}" "$pid" 2>/dev/null
  local i
  for i in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  STACK_PID[$1]=""
  stack_log "server $1 (pid $pid) stopped with SIG${2:-KILL}"
}

# Resident set size of a server, in kB.
stack_rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/${STACK_PID[$1]}/status" 2>/dev/null || echo 0; }
# The RSS's parts in kB, "anon file": the process's own memory (heaps, stacks, JIT code) and pages of mapped files
# (the assemblies' code; clean page cache the kernel can drop and that servers of one build share).
# "anon file shmem" kB. Shared memory is no tmpfs here: .NET's W^X allocator maps jitted code and its loader heaps from
# a memfd (/memfd:doublemapper), ~120 MB of a server's RSS after a soak (2026-12-05, dotnet-dump's eeheap -loader).
stack_rss_parts_kb() { awk '/^RssAnon:/ { a = $2 } /^RssFile:/ { f = $2 } /^RssShmem:/ { s = $2 } END { print a + 0, f + 0, s + 0 }' "/proc/${STACK_PID[$1]}/status" 2>/dev/null || echo "0 0 0"; }

# --- nginx ------------------------------------------------------------------------------------------------------------
# deploy/nginx/portal.conf with the TLS lines dropped, a loopback listen, and this stack's servers; inside a minimal
# nginx.conf of its own (prefix, pid, logs and temp folders in STACK_DIR/nginx).
stack_nginx_config() {
  local dir="$STACK_DIR/nginx" servers="" name
  for name in $STACK_SERVERS; do
    servers+="    server 127.0.0.1:${STACK_PORT[$name]} max_fails=1 fail_timeout=${STACK_FAIL_TIMEOUT:-10s};   # server $name\n"
  done
  mkdir -p "$dir/logs" "$dir/tmp"
  sed -e '/# TLS$/d' -e "s|^\( *\)# listen 127.0.0.1:8080; *# LISTEN|\1listen 127.0.0.1:$STACK_NGINX_PORT;|" \
    "$STACK_ROOT/deploy/nginx/portal.conf" \
    | awk -v servers="$servers" '/# SERVER$/ { if (!done[NR - 1]) printf "%s", servers; done[NR] = 1; next } { print }' \
    >"$dir/portal.conf"
  grep -q "listen 127.0.0.1:$STACK_NGINX_PORT;" "$dir/portal.conf" || { stack_fail "no LISTEN line in deploy/nginx/portal.conf"; return 1; }
  cat >"$dir/nginx.conf" <<EOF
# Generated by deploy/two-servers.sh from deploy/nginx/portal.conf; the site itself is portal.conf beside this file.
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
    log_format portal '\$msec \$status \$request_method \$uri \$upstream_addr \$upstream_status \$request_time "\$cookie_portal_affinity"';
    access_log $dir/logs/access.log portal;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    types { text/html html; }
    include $dir/portal.conf;
}
EOF
  # As root nginx's workers run as nobody: they write uploads' bodies to the temp folders.
  [[ "$(id -u)" == 0 ]] && chown -R nobody "$dir/tmp"
  nginx -t -p "$dir/" -c "$dir/nginx.conf" >"$dir/nginx-t.log" 2>&1 || { cat "$dir/nginx-t.log" >&2; stack_fail "nginx -t refused the config"; return 1; }
}

stack_nginx_start() {
  STACK_NGINX_PORT="$(stack_free_port 8480)" || return 1
  stack_nginx_config || return 1
  nginx -p "$STACK_DIR/nginx/" -c "$STACK_DIR/nginx/nginx.conf" -g 'daemon off;' >>"$STACK_DIR/nginx/logs/stdout.log" 2>&1 &
  STACK_NGINX_PID=$!
  STACK_BASE="http://127.0.0.1:$STACK_NGINX_PORT"
  local i
  for i in $(seq 1 100); do
    [[ "$(curl -s --max-time 2 "$STACK_BASE/ping" || true)" == *pong* ]] && { stack_log "nginx $(nginx -v 2>&1 | sed 's/.*\///') on $STACK_BASE (pid $STACK_NGINX_PID)"; return 0; }
    sleep 0.1
  done
  stack_fail "nginx did not answer /ping (see $STACK_DIR/nginx/logs/error.log)"
}

# --- all of it --------------------------------------------------------------------------------------------------------
stack_up() {
  local smoke_seed=(--agencies-per-province 3 --representatives-per-agency 2 --demo-documents false --offset-debtors 12
    --offset-assets-per-debtor 1 --offset-centres 6 --insured-persons 300)
  local full_seed=(--agencies-per-province 10 --demo-documents false --insured-persons 100000)
  if [[ "$STACK_SMOKE" == 1 ]]; then : "${STACK_CONFIG:=Debug}"; else : "${STACK_CONFIG:=Release}"; fi
  [[ -n "${STACK_SEED:-}" ]] && read -r -a STACK_SEED_ARGS <<<"$STACK_SEED"
  [[ -n "${STACK_ENV:-}" ]] && read -r -a STACK_SERVER_ENV <<<"$STACK_ENV"
  [[ -n "${STACK_SEED_ARGS+x}" ]] || { if [[ "$STACK_SMOKE" == 1 ]]; then STACK_SEED_ARGS=("${smoke_seed[@]}"); else STACK_SEED_ARGS=("${full_seed[@]}"); fi; }
  [[ -n "${STACK_SERVER_ENV+x}" ]] || STACK_SERVER_ENV=()
  local tool
  for tool in dotnet nginx psql curl openssl; do command -v "$tool" >/dev/null || { stack_fail "$tool not found"; return 1; }; done
  # Release: published as production runs it (wwwroot with the packages' static files), Staging (production's
  # pipeline; Production itself refuses the demo accounts' password). Debug (the smoke): the build tree, which serves
  # the packages' static files (_framework, _content) only in Development.
  if [[ "$STACK_CONFIG" == Release ]]; then
    STACK_CONTENT_ROOT="${STACK_PUBLISH_DIR:-$STACK_ROOT/bench/out/portal-publish}"
    stack_log "publishing Portal (Release) to $STACK_CONTENT_ROOT"
    dotnet publish "$STACK_ROOT/Portal" -c Release -o "$STACK_CONTENT_ROOT" -v q --nologo >"${TMPDIR:-/tmp}/two-servers-publish.log" 2>&1 \
      || { stack_fail "publish failed (see ${TMPDIR:-/tmp}/two-servers-publish.log)"; return 1; }
    : "${STACK_ENVIRONMENT:=Staging}"
  else
    STACK_CONTENT_ROOT="$STACK_ROOT/Portal"
    : "${STACK_ENVIRONMENT:=Development}"
  fi
  STACK_DLL="$STACK_CONTENT_ROOT/Portal.dll"
  [[ "$STACK_CONFIG" == Release ]] || STACK_DLL="$STACK_ROOT/Portal/bin/$STACK_CONFIG/net10.0/Portal.dll"
  [[ -f "$STACK_DLL" ]] || { stack_fail "no $STACK_DLL: run 'dotnet build SocialSecurityPortal.sln' first"; return 1; }
  [[ -n "$STACK_DIR" ]] || STACK_DIR="$(mktemp -d /tmp/portal-stack-XXXXXX)"
  chmod 755 "$STACK_DIR"   # the postgres user reaches its cluster's folder inside
  STACK_FILES="$STACK_DIR/files"; mkdir -p "$STACK_FILES"
  # One data-protection certificate for every server, as production requires (README "Production hardening").
  STACK_DP_PASSWORD="stack-$RANDOM$RANDOM"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Portal stack data protection" \
      -keyout "$STACK_DIR/dp.key" -out "$STACK_DIR/dp.crt" >/dev/null 2>&1 \
    && openssl pkcs12 -export -inkey "$STACK_DIR/dp.key" -in "$STACK_DIR/dp.crt" -out "$STACK_DIR/dp.pfx" \
      -passout "pass:$STACK_DP_PASSWORD" >/dev/null 2>&1 || { stack_fail "openssl could not make the certificate"; return 1; }
  stack_pg_start || return 1
  local t0=$SECONDS
  stack_log "migrate + seed-demo ${STACK_SEED_ARGS[*]}"
  stack_portal seed-demo "${STACK_SEED_ARGS[@]}" >"$STACK_DIR/seed.log" 2>&1 || { tail -n 20 "$STACK_DIR/seed.log" >&2; stack_fail "seed-demo failed (see $STACK_DIR/seed.log)"; return 1; }
  stack_log "seeded in $((SECONDS - t0)) s: $(grep -h '^Insured persons' "$STACK_DIR/seed.log" | head -n1)"
  local name
  for name in $STACK_SERVERS; do stack_server_start "$name" || return 1; done
  stack_nginx_start || return 1
  stack_save
}

# The stack's state for another shell: `source STACK_DIR/stack.env` (deploy/two-servers.sh --up writes it).
stack_save() {
  { declare -p STACK_DIR STACK_FILES STACK_CONN STACK_PG_PORT STACK_PG_BIN STACK_BASE STACK_NGINX_PORT STACK_NGINX_PID \
      STACK_DLL STACK_CONFIG STACK_CONTENT_ROOT STACK_ENVIRONMENT STACK_DP_PASSWORD STACK_SERVERS STACK_PORT STACK_PID STACK_SERVER_ENV STACK_SMOKE
    local name; for name in $STACK_SERVERS; do declare -p "STACK_URL_$name"; done
  } 2>/dev/null | sed 's/^declare -- /declare -g /; t; s/^declare -\([A-Za-z]*\) /declare -g\1 /' >"$STACK_DIR/stack.env"
}

stack_down() {
  local name
  [[ -n "${STACK_NGINX_PID:-}" ]] && { kill -QUIT "$STACK_NGINX_PID" 2>/dev/null; wait "$STACK_NGINX_PID" 2>/dev/null; STACK_NGINX_PID=""; }
  for name in "${!STACK_PID[@]}"; do [[ -n "${STACK_PID[$name]}" ]] && stack_server_kill "$name" TERM; done
  if [[ -n "${STACK_PG_BIN:-}" && -f "$STACK_DIR/pg/data/postmaster.pid" ]]; then
    stack_as_postgres "$STACK_PG_BIN/pg_ctl" -D "$STACK_DIR/pg/data" -m fast stop >/dev/null 2>&1
  fi
  [[ -n "$STACK_DIR" && "${STACK_KEEP_DIR:-0}" != 1 ]] && rm -rf "$STACK_DIR"
  return 0
}

# --- helpers for checks and loads -------------------------------------------------------------------------------------
stack_token() { grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' "$1" 2>/dev/null | head -n1 | sed 's/.*value="//; s/"$//'; }

# stack_sign_in BASE USER JAR: the real form; the jar keeps nginx's affinity cookie when BASE is nginx.
stack_sign_in() {
  local base="$1" user="$2" jar="$3" token code
  rm -f "$jar"
  curl -s -c "$jar" -b "$jar" -o "$jar.html" "$base/account/login"
  token="$(stack_token "$jar.html")"
  [[ -n "$token" ]] || { stack_fail "no antiforgery token on $base/account/login"; return 1; }
  code=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.UserName=$user" --data-urlencode "Input.Password=$STACK_PASSWORD" "$base/account/login")
  [[ "$code" == "302 $base/" ]] || { stack_fail "sign-in of $user at $base answered '$code' (expected 302 to /)"; return 1; }
}

# stack_pdf FILE TEXT: a small valid one-page PDF (the portal parses every uploaded PDF) whose text makes it unique.
stack_pdf() {
  python3 - "$1" "$2" <<'EOF'
import sys
text = sys.argv[2].replace('\\', '').replace('(', '').replace(')', '')
stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
out = bytearray(b"%PDF-1.4\n"); offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out)); out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
EOF
}

# stack_upload_circular BASE JAR FILE TITLE: a review office's circular to all its agencies, through the real form;
# prints the new circular's id.
stack_upload_circular() {
  local base="$1" jar="$2" file="$3" title="$4" token answer
  curl -s -c "$jar" -b "$jar" -o "$jar.page" "$base/circulars"
  token="$(stack_token "$jar.page")"
  [[ -n "$token" ]] || { stack_fail "no antiforgery token on $base/circulars"; return 1; }
  answer=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' -F "__RequestVerificationToken=$token" \
    -F "title=$title" -F "number=" -F "kind=Circular" -F "recipients=all" -F "file=@$file;type=application/pdf" "$base/circulars/upload")
  [[ "$answer" == "302 "*"uploaded="* ]] || { stack_fail "upload at $base answered '$answer'"; return 1; }
  echo "${answer##*uploaded=}"
}

# --- the checks (run when executed, not when sourced) ----------------------------------------------------------------
stack_check() { echo "check: $*"; }

stack_main() {
  local keep=0 arg
  for arg in "$@"; do
    case "$arg" in
      --smoke) STACK_SMOKE=1 ;;
      --keep) keep=1 ;;
      --up) keep=2 ;;
      *) echo "usage: $0 [--smoke] [--keep | --up]" >&2; return 2 ;;
    esac
  done
  # Another shell attached to the stack (STACK_ATTACH of bench/soak.sh) may have restarted a server: its stack.env
  # has the pids to stop.
  trap '[[ -n "$STACK_DIR" && -f "$STACK_DIR/stack.env" ]] && source "$STACK_DIR/stack.env"; stack_down' EXIT
  trap 'exit 130' INT TERM
  local started=$SECONDS
  stack_up || return 1
  [[ "$keep" == 2 ]] && { stack_print; echo "(--up: no checks; \`source $STACK_DIR/stack.env\` after sourcing this script attaches another shell)"; stack_hold; }
  stack_checks "$keep" || return 1
}

# Until a signal: the sleep in the background, so that the EXIT trap (stack_down) runs at once on TERM.
stack_hold() { while :; do sleep 3600 & wait $!; done; }

stack_print() {
  echo "The stack stays up until Ctrl-C:"
  echo "  nginx      $STACK_BASE   (access log $STACK_DIR/nginx/logs/access.log)"
  local name; for name in $STACK_SERVERS; do echo "  server $name   http://127.0.0.1:${STACK_PORT[$name]}   (log $STACK_DIR/server-$name.log)"; done
  echo "  PostgreSQL $STACK_CONN   (psql -h 127.0.0.1 -p $STACK_PG_PORT -U postgres portal)"
  echo "  files      $STACK_FILES"
}

stack_checks() {
  local keep="${1:-0}" started=$SECONDS
  local work="$STACK_DIR/check"; mkdir -p "$work"
  local jar="$work/jar" access="$STACK_DIR/nginx/logs/access.log"

  [[ "$(curl -s "$STACK_BASE/ping")" == *pong* ]] || { stack_fail "/ping through nginx"; return 1; }
  stack_check "1. /ping answers through nginx ($STACK_BASE)"

  stack_sign_in "$STACK_BASE" headoffice "$jar" || return 1
  local home; home="$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' "$STACK_BASE/")"
  [[ "$home" == 200 ]] || { stack_fail "the home page after sign-in answered $home"; return 1; }
  stack_check "2. headoffice signed in through nginx with the form (302 to /, the home page 200)"

  local affinity; affinity="$(awk '$6 == "portal_affinity" { print $7 }' "$jar")"
  [[ -n "$affinity" ]] || { stack_fail "nginx set no portal_affinity cookie"; return 1; }
  local i; for i in 1 2 3 4 5 6; do curl -s -b "$jar" -o /dev/null "$STACK_BASE/circulars"; done
  local upstreams; upstreams="$(awk -v c="\"$affinity\"" '$NF == c { print $5 }' "$access" | sort -u)"
  [[ "$(wc -l <<<"$upstreams")" == 1 && -n "$upstreams" ]] || { stack_fail "the browser's requests went to: $upstreams"; return 1; }
  stack_check "3. sticky: $(awk -v c="\"$affinity\"" '$NF == c' "$access" | wc -l) requests with the affinity cookie all reached $upstreams"

  local nego token code other
  nego="$(curl -s -b "$jar" -X POST -H 'Content-Length: 0' "$STACK_BASE/_blazor/negotiate?negotiateVersion=1")"
  token="$(sed -n 's/.*"connectionToken":"\([^"]*\)".*/\1/p' <<<"$nego")"
  [[ -n "$token" && "$nego" == *WebSockets* ]] || { stack_fail "/_blazor/negotiate through nginx answered: $nego"; return 1; }
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 -b "$jar" -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
    -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' "$STACK_BASE/_blazor?id=$token")"
  [[ "$code" == 101 ]] || { stack_fail "the websocket upgrade through nginx answered $code"; return 1; }
  # The same token at the server that did not negotiate it: unknown there.
  for name in $STACK_SERVERS; do [[ "$upstreams" == "127.0.0.1:${STACK_PORT[$name]}" ]] || other="$name"; done
  local other_url="http://127.0.0.1:${STACK_PORT[$other]}"
  nego="$(curl -s -b "$jar" -X POST -H 'Content-Length: 0' "$STACK_BASE/_blazor/negotiate?negotiateVersion=1")"
  token="$(sed -n 's/.*"connectionToken":"\([^"]*\)".*/\1/p' <<<"$nego")"
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 -b "$jar" -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
    -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' "$other_url/_blazor?id=$token")"
  [[ "$code" == 404 ]] || { stack_fail "server $other answered $code to a connection token it never issued (expected 404)"; return 1; }
  stack_check "4a. /_blazor negotiate + websocket upgrade through nginx: 101; the same token at server $other: 404 (circuits need the affinity)"
  if command -v npm >/dev/null && [[ ! -d "$STACK_ROOT/bench/node_modules/playwright-core" ]]; then
    (cd "$STACK_ROOT/bench" && npm ci --no-audit --no-fund --loglevel=error >"$STACK_DIR/npm.log" 2>&1) || { stack_fail "npm ci in bench/ failed (see $STACK_DIR/npm.log)"; return 1; }
  fi
  if command -v node >/dev/null && [[ -x "${CHROMIUM:-/usr/bin/chromium}" && -d "$STACK_ROOT/bench/node_modules/playwright-core" ]]; then
    local circuits; circuits="$(HOLD_SECONDS=0 node "$STACK_ROOT/bench/circuits.mjs" "$STACK_BASE" 2 2>&1)" \
      || { echo "$circuits" >&2; stack_fail "bench/circuits.mjs could not open 2 circuits through nginx"; return 1; }
    [[ "$circuits" == *circuits_open=2* ]] || { echo "$circuits" >&2; stack_fail "circuits did not open"; return 1; }
    stack_check "4b. 2 signed-in circuits live in headless Chromium through nginx (render batches on the /_blazor websocket; $(grep -o 'circuit_open_max_ms=[0-9]*' <<<"$circuits"))"
  else
    stack_check "4b. SKIPPED: no node, npm or Chromium for a browser circuit"
  fi

  local first="${STACK_SERVERS%% *}" second; second="$(awk '{ print $2 }' <<<"$STACK_SERVERS")"
  local url_a="http://127.0.0.1:${STACK_PORT[$first]}" url_b="http://127.0.0.1:${STACK_PORT[$second]}"
  local jar_a="$work/jar-a"
  stack_sign_in "$url_a" kerman.review "$jar_a" || return 1
  code="$(curl -s -b "$jar_a" -o /dev/null -w '%{http_code}' "$url_b/circulars")"
  [[ "$code" == 200 ]] || { stack_fail "kerman.review signed in on $first, asked $second for /circulars: $code"; return 1; }
  stack_pdf "$work/circular.pdf" "two-servers check $(date +%s%N)"
  local id; id="$(stack_upload_circular "$url_a" "$jar_a" "$work/circular.pdf" "بخشنامه آزمایشی دو کارساز")" || return 1
  code="$(curl -s -b "$jar_a" -o "$work/downloaded.pdf" -w '%{http_code}' "$url_b/circulars/$id/file")"
  [[ "$code" == 200 ]] || { stack_fail "circular $id through $second answered $code"; return 1; }
  [[ "$(sha256sum <"$work/circular.pdf")" == "$(sha256sum <"$work/downloaded.pdf")" ]] || { stack_fail "circular $id read through $second differs"; return 1; }
  stack_check "5. kerman.review signed in on $first is signed in on $second; circular $id uploaded through $first, downloaded through $second, SHA-256 equal"

  stack_server_kill "$first" KILL
  local ok=0 failures=0
  for i in $(seq 1 10); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$STACK_BASE/ping")"
    if [[ "$code" == 200 ]]; then ok=$((ok + 1)); else failures=$((failures + 1)); fi
  done
  [[ "$ok" == 10 ]] || { stack_fail "with $first killed, $failures of 10 /ping through nginx failed"; return 1; }
  stack_sign_in "$STACK_BASE" kerman.review "$work/jar-after" || return 1
  code="$(curl -s -b "$work/jar-after" -o "$work/after.pdf" -w '%{http_code}' "$STACK_BASE/circulars/$id/file")"
  [[ "$code" == 200 ]] && cmp -s "$work/circular.pdf" "$work/after.pdf" || { stack_fail "with $first killed, circular $id through nginx: $code"; return 1; }
  code="$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$STACK_BASE/")"
  [[ "$code" == 200 ]] || { stack_fail "with $first killed, the earlier headoffice session got $code"; return 1; }
  stack_check "6. $first killed (SIGKILL): 10/10 /ping through nginx, a new sign-in, the circular and the earlier session all answered by $second"

  stack_server_start "$first" || return 1
  stack_save   # the exit trap reads the pids from stack.env: without this it stopped A's dead pid and left the new A running
  stack_check "7. $first restarted and answering on $url_a"
  echo "two-servers: all checks passed in $((SECONDS - started)) s (load average $(cut -d' ' -f1-3 /proc/loadavg))"

  if [[ "$keep" == 1 ]]; then stack_print; stack_hold; fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  stack_main "$@"
  exit $?
fi
