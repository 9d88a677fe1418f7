#!/usr/bin/env bash
# Registry read benchmark (BenchmarkDotNet): the agency list page and the rollout dashboards on a SQLite file seeded
# by the portal's own seed command with ~2,000 agencies (65 per province) and ~10,000 representatives (5 each).
#
#   bash bench/registry.sh [--reseed]
#
# Prints BenchmarkDotNet's table (mean server time per call) and writes bench/out/registry-results.txt.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out"
DB="$OUT/registry.db"
mkdir -p "$OUT"

if [[ ! -f "$DB" || "${1:-}" == "--reseed" ]]; then
  rm -f "$DB" "$DB-shm" "$DB-wal"
  echo "[registry] seeding $DB (65 agencies per province, 5 representatives each)" >&2
  dotnet build "$ROOT/Portal" -c Release -v q --nologo >/dev/null
  (cd "$ROOT/Portal" && ConnectionStrings__Portal="Data Source=$DB" dotnet "bin/Release/net10.0/Portal.dll" seed-demo \
     --agencies-per-province 65 --representatives-per-agency 5) >"$OUT/registry-seed.log" 2>&1
fi
echo "[registry] $(sqlite3 "$DB" 'select count(*) from OrgUnits where Type = "Agency"') agencies, $(sqlite3 "$DB" 'select count(*) from Representatives') representatives" >&2

cd "$BENCH_DIR/Registry"
BENCH_DB="$DB" dotnet run -c Release -- --filter '*' --join --exporters markdown --artifacts "$OUT/registry-artifacts" | tee "$OUT/registry-run.log"
grep -E '^\|' "$OUT/registry-run.log" > "$OUT/registry-results.txt" || true
echo "[registry] results in $OUT/registry-results.txt" >&2
