#!/usr/bin/env bash
# Sign-in timing of a known name with a wrong password against an unknown name (issue 18 item 2): the two must
# cost the same, or the answer time tells which user names exist.
#
#   bash bench/sign-in.sh [BASE_URL] [SAMPLES]     # defaults: http://localhost:5080, 40 per case
#   bash bench/sign-in.sh --smoke                  # starts the portal itself (Debug build, tiny database), 3 per case
#
# Drives the running portal (e.g. `dotnet run --project Portal -- demo`) through the real sign-in form: GET
# /account/login for the antiforgery cookie and the __RequestVerificationToken hidden input, then the form's POST
# (Input.UserName, Input.Password, _handler=login). Only the POST is timed (curl's time_total). The two cases
# alternate so that load on the machine hits both alike.
#
# The portal throttles failed sign-ins per address and locks a (name, address) pair after a few failures; once
# it does, it answers without checking any password, the same for both cases, and this script would measure that
# instead. Start the portal for the benchmark with the limits raised, e.g.
#   Auth__SignIn__MaxFailures=100000 Auth__SignIn__PerAddressFailures=100000 dotnet run --project Portal -- demo
# (the script warns when an answer is not the "wrong name or password" page).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" sign-in "$@"
need curl
if [[ "$SMOKE" == 1 ]]; then
  need dotnet sqlite3
  build "$ROOT/Portal"
  DB="$OUT/sign-in.db"; smoke_db "$DB"
  BASE="http://127.0.0.1:$(free_port "${BENCH_PORT:-5290}")"; SAMPLES=3
  start_app "$OUT/sign-in-app.log" "$BASE/account/login" env -C "$ROOT/Portal" ASPNETCORE_ENVIRONMENT=Development \
    ConnectionStrings__Portal="Data Source=$DB" Auth__SignIn__MaxFailures=100000 Auth__SignIn__PerAddressFailures=100000 \
    dotnet "$PORTAL_DLL" "--urls=$BASE"
else
  BASE="${ARGS[0]:-http://localhost:5080}"
  SAMPLES="${ARGS[1]:-40}"
fi
KNOWN=(admin headoffice callcenter kerman.generaloffice golestan.generaloffice kerman.director golestan.director
  kerman.treatment golestan.treatment kerman.review golestan.review kerman.governor golestan.governor
  kerman.agency.manager golestan.agency.manager kerman.agency.user golestan.agency.user kerman.medical golestan.medical)
JAR="$(mktemp)"; on_exit 'rm -f "$JAR" "$JAR.html" "$JAR.out"'

# One sign-in attempt; prints the POST's time in milliseconds.
attempt() {
  local user="$1" token
  rm -f "$JAR"
  curl -s -c "$JAR" -b "$JAR" "$BASE/account/login" -o "$JAR.html"
  token="$(grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' "$JAR.html" | head -1 | sed -E 's/.*value="([^"]+)".*/\1/')"
  [[ -n "$token" ]] || { echo "no antiforgery token on $BASE/account/login" >&2; exit 1; }
  local seconds
  seconds="$(curl -s -c "$JAR" -b "$JAR" -o "$JAR.out" -w '%{time_total}' "$BASE/account/login" \
    --data-urlencode "Input.UserName=$user" --data-urlencode "Input.Password=wrong-password-$RANDOM" \
    --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token")"
  grep -q 'data-testid="login-error"' "$JAR.out" || echo "warning: $user got no sign-in error (throttled or changed page?)" >&2
  grep -q 'data-testid="login-error"[^<]*>[^<]*\(قفل شده\|locked\|بیش از حد\|too many\)' "$JAR.out" && echo "warning: $user was answered by the lockout/throttle, not the password check" >&2
  awk -v s="$seconds" 'BEGIN { printf "%.1f\n", s * 1000 }'
}

stats() { # median and p95 of the numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    p = int(NR * 0.95 + 0.999); if (p > NR) p = NR; printf "median %6.1f ms   p95 %6.1f ms   (n=%d)\n", m, v[p], NR }'
}

attempt "${KNOWN[0]}" > /dev/null; attempt "nobody-warmup" > /dev/null # JIT and connection warm-up
known=(); unknown=()
for ((i = 0; i < SAMPLES; i++)); do
  known+=("$(attempt "${KNOWN[$((i % ${#KNOWN[@]}))]}")")
  unknown+=("$(attempt "no.such.user.$i.$RANDOM")")
done
printf 'known name, wrong password: '; printf '%s\n' "${known[@]}" | stats
printf 'unknown name:               '; printf '%s\n' "${unknown[@]}" | stats
