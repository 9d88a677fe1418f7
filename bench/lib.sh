# Shared by every bench script: `source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" NAME "$@"` (NAME prefixes the log).
#
# Smoke mode (`--smoke` or BENCH_SMOKE=1): tiny data and a few seconds per script, on the Debug build that `dotnet build`
# or `dotnet test` of the solution already made (nothing is built or published), into bench/out/smoke. It proves the
# script and the app path still run and print their figures; the figures themselves mean nothing. `.ci/run` runs
# every script's smoke through bench/smoke.sh.
# After sourcing: BENCH_DIR ROOT OUT SMOKE CONFIG PORTAL_DLL ARGS (the arguments without --smoke), and the functions below.

BENCH_NAME="$1"; shift
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
SMOKE="${BENCH_SMOKE:-0}"
ARGS=()
for arg in "$@"; do
  if [[ "$arg" == --smoke ]]; then SMOKE=1; else ARGS+=("$arg"); fi
done
if [[ "$SMOKE" == 1 ]]; then
  OUT="$BENCH_DIR/out/smoke"; CONFIG=Debug
else
  SMOKE=0; OUT="$BENCH_DIR/out"; CONFIG=Release
fi
PORTAL_DLL="$ROOT/Portal/bin/$CONFIG/net10.0/Portal.dll"
PASSWORD="portal-demo-1403"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$OUT"

log() { echo "[$BENCH_NAME $(date +%H:%M:%S)] $*" >&2; }
die() { log "FAIL: $*"; exit 1; }
need() { local tool; for tool in "$@"; do command -v "$tool" >/dev/null || die "$tool not found"; done; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
loadavg() { cut -d' ' -f1 /proc/loadavg; }

# build PROJECT_DIR...: builds them in $CONFIG (Release); in smoke mode only checks the Debug build is there.
build() {
  local dir name
  for dir in "$@"; do
    name="$(basename "$dir")"
    if [[ "$SMOKE" == 1 ]]; then
      [[ -f "$dir/bin/Debug/net10.0/$name.dll" ]] || die "no Debug build of $dir: run 'dotnet build SocialSecurityPortal.sln' first"
    else
      log "building $name ($CONFIG)"
      dotnet build "$dir" -c "$CONFIG" -v q --nologo >>"$OUT/$BENCH_NAME-build.log" 2>&1 || die "$name build failed (see $OUT/$BENCH_NAME-build.log)"
    fi
  done
}

# portal DB ARG...: runs Portal.dll (an admin command such as seed-demo) on the SQLite file DB from the Portal folder
# (the content root: appsettings, wwwroot), with its file store beside the file.
portal() {
  local db="$1"; shift
  (cd "$ROOT/Portal" && ConnectionStrings__Portal="Data Source=$db" Files__Root="${db%.db}-files" dotnet "$PORTAL_DLL" "$@")
}

# smoke_db DB: a copy of one tiny database with a little of every module (3 agencies per province, a few debtors,
# centres and insured persons), seeded once per Portal build and shared by every script's smoke.
smoke_db() {
  local seed="$BENCH_DIR/out/smoke/seed.db"
  mkdir -p "$(dirname "$seed")"
  if [[ ! -f "$seed" || "$PORTAL_DLL" -nt "$seed" ]]; then
    rm -rf "$seed" "$seed-shm" "$seed-wal" "${seed%.db}-files"
    log "seeding the smoke database $seed"
    portal "$seed" seed-demo --agencies-per-province 3 --representatives-per-agency 2 --demo-documents false \
      --offset-debtors 12 --offset-assets-per-debtor 1 --offset-centres 6 --insured-persons 300 >"$seed.log" 2>&1 \
      || { rm -f "$seed"; die "seed-demo failed (see $seed.log)"; }
  fi
  rm -rf "$1" "$1-shm" "$1-wal" "${1%.db}-files"
  sqlite3 "$seed" ".backup '$1'"
}

# free_port FIRST: the first free port on 127.0.0.1 from FIRST on (50 tried).
free_port() {
  local p
  for p in $(seq "$1" $(( $1 + 50 ))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "no free port from $1"
}

# start_app LOG URL_TO_WAIT_FOR COMMAND...: starts the app in the background (APP_PID), stopped when the script exits;
# waits (60 s at most) for a 200 on URL_TO_WAIT_FOR.
APP_PID=""
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
  return 0
}
start_app() {
  local app_log="$1" url="$2"; shift 2
  "$@" >"$app_log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1200); do   # 1200 x 50 ms = 60 s
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" == 200 ]] && return 0
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up (see $app_log)"
    sleep 0.05
  done
  die "no 200 on $url within 60 s (see $app_log)"
}

# Things to undo on exit, run in reverse order; the app is always stopped.
ON_EXIT=()
on_exit() { ON_EXIT+=("$1"); }
bench_cleanup() {
  local rc=$? i
  set +e
  for (( i = ${#ON_EXIT[@]} - 1; i >= 0; i-- )); do eval "${ON_EXIT[$i]}"; done
  stop_app
  exit "$rc"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

token_of() { grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' "$1" | head -n1 | sed 's/.*value="//; s/"$//'; }

# sign_in BASE USER JAR: signs USER in through the real form (antiforgery token, then the POST) into the cookie jar JAR.
sign_in() {
  local base="$1" user="$2" jar="$3" token code
  rm -f "$jar"
  curl -s -c "$jar" -b "$jar" -o "$jar.html" "$base/account/login"
  token="$(token_of "$jar.html")"
  [[ -n "$token" ]] || die "no antiforgery token on /account/login"
  code=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.UserName=$user" --data-urlencode "Input.Password=$PASSWORD" "$base/account/login")
  [[ "$code" == "302 $base/" ]] || die "sign-in of $user answered '$code' (expected 302 to /)"
}
