-- Booklet services for the report's benchmark: branches up to 600 (copies of each province's demo branches under their
-- general office), then @months Jalali months ending with @last (yyyymm) of services spread over every branch, ~@perbranch
-- a month each (600 x 12 x 700 ≈ 5,000,000 rows): ~62 % credits, ~24 % renewals, ~4 % new booklets, ~3 % duplicates,
-- ~7 % refused (reasons weighted as the demo's), ~0.7 % of done services corrected; requested 1–15 minutes before the
-- service. Instants are UTC ticks, as the app's SQLite model stores them. Parameters: @last, @months, @perbranch.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
BEGIN;
INSERT INTO OrgUnits (Kind, Code, Name, ProvinceId, ParentId, City, Address, Phone, SearchText, HeadName, Type)
WITH RECURSIVE copies(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM copies WHERE k < 40)
SELECT b.Kind, b.Code || '-' || printf('%02d', k), b.Name || ' ' || k, b.ProvinceId, b.ParentId, b.City, b.Address, b.Phone, b.SearchText || ' ' || k, NULL, b.Type
FROM copies JOIN OrgUnits b ON b.Kind = (SELECT Kind FROM OrgUnits WHERE Code = 'BR-08-01')
ORDER BY k, b.Code
LIMIT max(0, 600 - (SELECT count(*) FROM OrgUnits WHERE Kind = (SELECT Kind FROM OrgUnits WHERE Code = 'BR-08-01')));

CREATE TEMP TABLE branches AS
SELECT row_number() OVER (ORDER BY Id) - 1 AS n, Id, ProvinceId FROM OrgUnits WHERE Kind = (SELECT Kind FROM OrgUnits WHERE Code = 'BR-08-01');
CREATE TEMP TABLE months AS
WITH RECURSIVE m(i, y, mo) AS (
  SELECT 0, @last / 100, @last % 100
  UNION ALL SELECT i + 1, CASE WHEN mo = 1 THEN y - 1 ELSE y END, CASE WHEN mo = 1 THEN 12 ELSE mo - 1 END FROM m WHERE i + 1 < @months)
SELECT i, y * 100 + mo AS Month FROM m;

INSERT INTO BookletServices (Type, Refusal, ReplacementReason, PersonId, NationalId, PersonName, Relation, BookletSerial, OldValidUntil, NewValidUntil,
  BranchId, ProvinceId, UserName, RequestedAt, At, WaitMinutes, Month, VerificationCode, CorrectedAt, CorrectedBy, CorrectionReason)
WITH RECURSIVE s(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM s WHERE j + 1 < @perbranch),
rows AS (
  -- r, r2, w: deterministic hashes (random() would be drawn anew at each use of the column of a flattened CTE)
  SELECT b.Id AS BranchId, b.ProvinceId, m.Month, m.i, s.j,
    (b.Id * 2654435761 + m.i * 40503 + s.j * 2246822519) % 1000 AS r,
    (b.Id * 104729 + m.i * 7919 + s.j * 3266489917) % 1000 AS r2,
    60 + (b.Id * 31 + m.i * 17 + s.j * 1103515245) % 840 AS w,
    -- the instant only matters for the wait (At − RequestedAt): the report reads the month from the Month column
    638000000000000000 + (m.Month * 100000 + s.j) * 600000000 AS At
  FROM branches b CROSS JOIN months m CROSS JOIN s)
SELECT
  CASE WHEN r < 620 THEN 2 WHEN r < 860 THEN 1 WHEN r < 900 THEN 3 WHEN r < 930 THEN 4 ELSE (CASE WHEN r2 % 2 = 0 THEN 2 ELSE 1 END) END,
  CASE WHEN r < 930 THEN NULL ELSE (CASE WHEN r2 < 450 THEN 1 WHEN r2 < 600 THEN 3 WHEN r2 < 700 THEN 4 WHEN r2 < 780 THEN 5 WHEN r2 < 850 THEN 2
    WHEN r2 < 920 THEN 6 WHEN r2 < 960 THEN 7 ELSE 8 END) END,
  CASE WHEN r >= 900 AND r < 930 THEN 1 ELSE NULL END,
  1000000 + j, '0012345678', 'بیمه‌شده نمونه', 1, CASE WHEN r < 930 THEN printf('%010d', 1000000000 + (BranchId * 1000000 + i * 1000 + j) % 8999999999) END,
  NULL, NULL, BranchId, ProvinceId, 'bench.counter', At - w * 10000000, At, CASE WHEN r < 930 THEN w / 60 END, Month, NULL,
  CASE WHEN r < 930 AND r2 < 7 THEN At + 864000000000 END, CASE WHEN r < 930 AND r2 < 7 THEN 'bench.supervisor' END,
  CASE WHEN r < 930 AND r2 < 7 THEN 'ثبت اشتباه' END
FROM rows;
COMMIT;
ANALYZE;
SELECT 'filled ' || (SELECT count(*) FROM BookletServices) || ' booklet services over ' || (SELECT count(*) FROM temp.branches) || ' branches';
