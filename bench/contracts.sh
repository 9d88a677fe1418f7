#!/usr/bin/env bash
# Contract PDF benchmark: one contract PDF with a warm browser, one issue end to end, and a batch of 200, through the
# portal's own services (real host, real headless Chromium) on a SQLite file seeded by the portal's seed command.
#
#   bash bench/contracts.sh [--reseed] [--smoke]
#
# Seeds bench/out/contracts.db once (220 agencies per province: Kerman's 220 are 20 single issues + a batch of 200),
# then, on every run, trains all of Kerman's current representatives, deletes every contract and starts from an empty
# file store. Prints the figures and writes them to bench/out/contracts-results.txt.
# --smoke: the shared tiny database (Kerman's few agencies: 1 single issue, a batch of the rest), 3 renders (bench/lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" contracts "$@"
DB="$OUT/contracts.db"
FILES="$OUT/contracts-files"
AGENCIES_PER_PROVINCE=220
q() { sqlite3 -bail "$DB" "$@"; }
need dotnet sqlite3
build "$ROOT/Portal" "$BENCH_DIR/Contracts"

if [[ "$SMOKE" == 1 ]]; then
  smoke_db "$DB"
elif [[ ! -f "$DB" || "${ARGS[0]:-}" == "--reseed" ]]; then
  rm -f "$DB" "$DB-shm" "$DB-wal"
  log "seeding $DB ($AGENCIES_PER_PROVINCE agencies per province, no demo contracts; ~3 min)"
  portal "$DB" seed-demo --agencies-per-province "$AGENCIES_PER_PROVINCE" --demo-documents false >"$OUT/contracts-seed.log" 2>&1 \
    || die "seed-demo failed (see $OUT/contracts-seed.log)"
fi

# --- arrange: Kerman's open agencies listed and fully trained, no contracts, an empty file store ----------------------
KERMAN="(select Id from Provinces where Code = '08')"
[[ "$(q "select count(*) from OrgUnits where Kind = 5 and ProvinceId = $KERMAN")" == 1 ]] || die "expected exactly one review office in Kerman"
OFFICE="(select Id from OrgUnits where Kind = 5 and ProvinceId = $KERMAN)"
SERVED="select Id from OrgUnits where Type = 'Agency' and ReviewOfficeId = $OFFICE and Status <> 3" # 3 = closed

# Training dates are DateOnly columns: check the seeded rows' format before writing ours in it.
[[ "$(q "select count(*) from Representatives where TheoryOn is not null")" -gt 0 ]] || die "no seeded training dates to compare with"
[[ "$(q "select count(*) from Representatives where TheoryOn is not null and TheoryOn not glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'")" == 0 ]] \
  || die "training dates are not stored as yyyy-MM-dd: $(q "select TheoryOn from Representatives where TheoryOn is not null limit 1")"
TRAINED_ON="$(q "select date('now', '-30 days')")"

q <<SQL
begin;
update Representatives set TheoryOn = coalesce(TheoryOn, '$TRAINED_ON'), PracticalOn = coalesce(PracticalOn, '$TRAINED_ON'),
    SupplementaryOn = coalesce(SupplementaryOn, '$TRAINED_ON')
  where RemovedAt is null and AgencyId in ($SERVED);
update OrgUnits set ManagerName = case when coalesce(ManagerName, '') = '' then 'مدیر نمونه' else ManagerName end,
    Address = coalesce(Address, 'کرمان، خیابان نمونه، پلاک ۱'), PostalCode = coalesce(PostalCode, '7610000000'),
    Phone = coalesce(Phone, '03432000000')
  where Id in ($SERVED);
delete from Contracts;
commit;
SQL
rm -rf "$FILES"
mkdir -p "$FILES"

SERVED_N="$(q "select count(*) from ($SERVED)")"
READY_N="$(q "select count(*) from ($SERVED) a where exists (select 1 from Representatives r where r.AgencyId = a.Id and r.RemovedAt is null)
  and not exists (select 1 from Representatives r where r.AgencyId = a.Id and r.RemovedAt is null
                  and (r.TheoryOn is null or r.PracticalOn is null or r.SupplementaryOn is null))")"
log "Kerman: $SERVED_N open agencies served by the review office, $READY_N listed and trained (readiness 5), contracts deleted, file store $FILES emptied"

cd "$BENCH_DIR/Contracts"
BENCH_DB="$DB" BENCH_FILES="$FILES" BENCH_SMOKE="$SMOKE" dotnet "bin/$CONFIG/net10.0/Contracts.dll" | tee "$OUT/contracts-results.txt"
log "results in $OUT/contracts-results.txt"
