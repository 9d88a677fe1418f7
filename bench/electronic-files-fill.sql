-- Technical files at scale for bench/electronic-files.sh, straight into a seeded portal database (sqlite3 -bail):
--   sqlite3 -bail -cmd ".parameter set @files 200000" -cmd ".parameter set @big 250" DB < bench/electronic-files-fill.sql
-- Adds @files technical files in Kerman (province 08): three in four in BR-08-01, the demo branch users' branch, the rest
-- shared by Kerman's other branches; requested over the last three years, oldest first. About 60 % are indexed (done);
-- the others wait or stand at one of the steps, a few out of turn, a few stopped in a recount discrepancy. Every step up
-- to a file's last is recorded (ScanSteps), and each file past scanning (step 5) has 1-7 documents of 1-5 pages (about
-- ten pages a file: ~2,000,000 pages for 200,000 files). One indexed file of BR-08-01 gets @big more documents (the
-- "person's file with many documents" the bench opens). The documents refer to the demo's stored sample PDF, so their
-- metadata is what is measured. No FileWorkers, no OCR text. Prints the counts; refuses a database whose Kerman already has
-- 1,000 files or more (filled already: fill a fresh copy).
.bail on
CREATE TEMP TABLE fill_guard(kerman_files_before_fill INTEGER CHECK (kerman_files_before_fill < 1000));
INSERT INTO fill_guard SELECT count(*) FROM TechnicalFiles WHERE ProvinceId = (SELECT Id FROM Provinces WHERE Code = '08');

BEGIN;
CREATE TEMP TABLE fill_now AS SELECT CAST(strftime('%s', 'now') AS INTEGER) * 10000000 + 621355968000000000 AS t,
  (SELECT COALESCE(max(Id), 0) FROM TechnicalFiles) AS last_id;
CREATE TEMP TABLE fill_branch AS
  SELECT u.Id AS BranchId, u.ProvinceId, u.Code, row_number() OVER (ORDER BY u.Code) - 1 AS n,
    COALESCE((SELECT "Last" FROM TechnicalFileCounters c WHERE c.BranchId = u.Id), (SELECT max(Sequence) FROM TechnicalFiles t WHERE t.BranchId = u.Id), 0) AS last_seq
  FROM OrgUnits u WHERE u.Code LIKE 'BR-08-__' AND u.Kind = (SELECT Kind FROM OrgUnits WHERE Code = 'BR-08-01');
CREATE TEMP TABLE fill_type AS SELECT Id, row_number() OVER (ORDER BY Id) - 1 AS n FROM DocumentTypes WHERE IsActive = 1;
CREATE TEMP TABLE fill_name(n INTEGER PRIMARY KEY, first TEXT, last TEXT);
INSERT INTO fill_name VALUES (0, 'علی', 'محمدی'), (1, 'فاطمه', 'حسینی'), (2, 'محمد', 'رضایی'), (3, 'زهرا', 'کرمانی'),
  (4, 'حسین', 'احمدی'), (5, 'مریم', 'موسوی'), (6, 'رضا', 'جعفری'), (7, 'معصومه', 'صادقی'), (8, 'مهدی', 'رفسنجانی'),
  (9, 'سمیه', 'کاظمی'), (10, 'عباس', 'سیرجانی'), (11, 'لیلا', 'نوری'), (12, 'حمید', 'بمی'), (13, 'نرگس', 'شریفی'),
  (14, 'اکبر', 'زرندی'), (15, 'الهام', 'قاسمی'), (16, 'مجید', 'جیرفتی'), (17, 'طاهره', 'باقری');

-- Sequence numbers go on from each branch's counter (or its highest sequence); national IDs are '99' + seven digits + the check digit.
-- h: a scrambled 0..999 per file that decides its state.
CREATE TEMP TABLE fill_file AS
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < @files),
  nb AS (SELECT count(*) AS c FROM fill_branch)
SELECT i, CASE WHEN i % 4 <> 0 OR nb.c = 1 THEN 0 ELSE 1 + (i / 4) % (nb.c - 1) END AS n, (i * 7919 + (i / 1000) * 13) % 1000 AS h,
  '99' || printf('%07d', i) AS nid9
FROM s, nb;

INSERT INTO TechnicalFiles (Number, Sequence, BranchId, ProvinceId, PersonId, NationalId, PersonName, ShelfRow, ShelfNumber, ShelfBox,
  Slimmed, OutOfTurn, OutOfTurnReason, OutOfTurnNote, OutOfTurnAt, OutOfTurnBy, RequestedAt, RequestedBy, LastStep, LastStepAt,
  LastStepBy, PageCount, RecountPages, InDiscrepancy, ScannedBy, Version)
SELECT
  b.Code || '-' || printf('%06d', b.last_seq + seq), b.last_seq + seq, b.BranchId, b.ProvinceId, NULL,
  f.nid9 || (SELECT CASE WHEN r < 2 THEN r ELSE 11 - r END FROM (SELECT (substr(f.nid9, 1, 1) * 10 + substr(f.nid9, 2, 1) * 9 + substr(f.nid9, 3, 1) * 8
    + substr(f.nid9, 4, 1) * 7 + substr(f.nid9, 5, 1) * 6 + substr(f.nid9, 6, 1) * 5 + substr(f.nid9, 7, 1) * 4 + substr(f.nid9, 8, 1) * 3
    + substr(f.nid9, 9, 1) * 2) % 11 AS r)),
  nm.first || ' ' || (SELECT last FROM fill_name WHERE n = (f.i / 18) % 18),
  CAST(1 + seq / 2000 AS TEXT), CAST(1 + (seq / 100) % 20 AS TEXT), CAST(seq AS TEXT),
  f.h NOT BETWEEN 600 AND 614, out_of_turn, CASE WHEN out_of_turn THEN 1 + f.i % 2 END,
  CASE WHEN out_of_turn THEN 'درخواست برقراری مستمری' END, CASE WHEN out_of_turn THEN requested + 36000000000 END,
  CASE WHEN out_of_turn THEN 'kerman.branch.staff' END,
  requested, 'kerman.branch.staff', last_step,
  CASE WHEN last_step IS NOT NULL THEN requested + (last_step + 1) * 864000000000 END,
  CASE WHEN last_step = 7 THEN 'kerman.branch.supervisor' WHEN last_step IS NOT NULL THEN 'kerman.branch.staff' END,
  CASE WHEN last_step >= 2 THEN pages END, CASE WHEN last_step >= 9 THEN pages WHEN discrepancy THEN pages - 1 END, discrepancy,
  CASE WHEN last_step >= 5 THEN 'kerman.branch.staff' END,
  upper(substr(g, 1, 8) || '-' || substr(g, 9, 4) || '-' || substr(g, 13, 4) || '-' || substr(g, 17, 4) || '-' || substr(g, 21, 12))
FROM (
  SELECT f.*, row_number() OVER (PARTITION BY f.n ORDER BY f.i) AS seq,
    (SELECT t FROM fill_now) - (@files - f.i) * (3 * 365 * 864000000000 / @files) - 864000000000 * 14 AS requested,
    CASE WHEN f.h < 600 THEN 12 WHEN f.h < 640 THEN NULL ELSE (f.h - 640) * 12 / 360 END AS last_step,
    f.h >= 640 AND f.i % 97 = 0 AS out_of_turn,
    f.h >= 640 AND (f.h - 640) * 12 / 360 = 8 AND f.i % 5 = 0 AS discrepancy,
    10 + f.h % 40 AS pages, lower(hex(randomblob(16))) AS g
  FROM fill_file f) f
JOIN fill_branch b ON b.n = f.n
JOIN fill_name nm ON nm.n = f.i % 18
WHERE NOT EXISTS (SELECT 1 FROM TechnicalFiles t WHERE t.NationalId = f.nid9);

CREATE TEMP TABLE fill_new AS SELECT Id, LastStep, RequestedAt, PageCount, BranchId, ProvinceId FROM TechnicalFiles WHERE Id > (SELECT last_id FROM fill_now);
CREATE TEMP TABLE fill_kind(k INTEGER PRIMARY KEY);
INSERT INTO fill_kind VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12);

INSERT INTO ScanSteps (FileId, Kind, "By", At, Count, Note)
SELECT f.Id, k.k, CASE WHEN k.k = 7 THEN 'kerman.branch.supervisor' ELSE 'kerman.branch.staff' END, f.RequestedAt + (k.k + 1) * 864000000000,
  CASE WHEN k.k IN (2, 9) THEN f.PageCount WHEN k.k = 6 THEN 0 WHEN k.k IN (11, 12) THEN 1 END, NULL
FROM fill_new f JOIN fill_kind k ON k.k BETWEEN CASE WHEN f.LastStep = 0 THEN 0 ELSE 1 END AND f.LastStep
WHERE f.LastStep IS NOT NULL;

INSERT INTO ScannedDocuments (FileId, BranchId, ProvinceId, TypeId, Title, Pages, Source, Sha256, Size, ContentKind, ScannedBy, ScannedAt,
  ScannedByUnitId, ScannedByUnitKind, VerifiedBy, VerifiedAt, Version)
SELECT f.Id, f.BranchId, f.ProvinceId, t.Id, NULL, 1 + (f.Id * 31 + d.k * 7) % 5, 1, s.Sha256, s.Size, s.ContentKind, 'kerman.branch.staff',
  f.RequestedAt + 6 * 864000000000, f.BranchId, (SELECT Kind FROM OrgUnits WHERE Code = 'BR-08-01'),
  CASE WHEN f.LastStep >= 7 THEN 'kerman.branch.supervisor' END, CASE WHEN f.LastStep >= 7 THEN f.RequestedAt + 8 * 864000000000 END,
  -- the concurrency token: any GUID, one a document (file id and document number in it)
  printf('%08X-0000-4000-8000-%012X', f.Id, d.k)
FROM fill_new f
JOIN fill_kind d ON d.k < 1 + (f.Id * 13) % 7
JOIN fill_type t ON t.n = (f.Id + d.k * 3) % (SELECT count(*) FROM fill_type)
JOIN (SELECT Sha256, Size, ContentKind FROM ScannedDocuments ORDER BY Id LIMIT 1) s
WHERE f.LastStep >= 5;

-- The big file: the oldest indexed new file of BR-08-01, with @big documents received in service since (1-12 pages each).
CREATE TEMP TABLE fill_big AS SELECT f.Id, f.BranchId, f.ProvinceId, f.RequestedAt FROM fill_new f
  WHERE f.LastStep = 12 AND f.BranchId = (SELECT Id FROM OrgUnits WHERE Code = 'BR-08-01') ORDER BY f.Id LIMIT 1;
INSERT INTO ScannedDocuments (FileId, BranchId, ProvinceId, TypeId, Title, Pages, Source, Sha256, Size, ContentKind, ScannedBy, ScannedAt,
  ScannedByUnitId, ScannedByUnitKind, VerifiedBy, VerifiedAt, Version)
SELECT b.Id, b.BranchId, b.ProvinceId, t.Id, 'برگ دریافتی در جریان خدمت ' || s.i, 1 + s.i % 12, 2, d.Sha256, d.Size, d.ContentKind, 'kerman.branch.staff',
  b.RequestedAt + (30 + s.i) * 864000000000, b.BranchId, (SELECT Kind FROM OrgUnits WHERE Code = 'BR-08-01'),
  'kerman.branch.supervisor', b.RequestedAt + (31 + s.i) * 864000000000, printf('%08X-0000-4000-8001-%012X', b.Id, s.i)
FROM fill_big b
JOIN (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < @big) SELECT i FROM r) s
JOIN fill_type t ON t.n = s.i % (SELECT count(*) FROM fill_type)
JOIN (SELECT Sha256, Size, ContentKind FROM ScannedDocuments ORDER BY Id LIMIT 1) d;

INSERT INTO TechnicalFileCounters (BranchId, "Last")
SELECT BranchId, max(Sequence) FROM TechnicalFiles WHERE BranchId IN (SELECT BranchId FROM fill_branch) GROUP BY BranchId
ON CONFLICT (BranchId) DO UPDATE SET "Last" = excluded."Last";
COMMIT;

SELECT 'filled: ' || (SELECT count(*) FROM fill_new) || ' files (' || (SELECT count(*) FROM fill_new WHERE BranchId = (SELECT Id FROM OrgUnits WHERE Code = 'BR-08-01'))
  || ' in BR-08-01), ' || (SELECT count(*) FROM ScanSteps WHERE FileId IN (SELECT Id FROM fill_new)) || ' steps, '
  || (SELECT count(*) FROM ScannedDocuments WHERE FileId IN (SELECT Id FROM fill_new)) || ' documents, '
  || (SELECT sum(Pages) FROM ScannedDocuments WHERE FileId IN (SELECT Id FROM fill_new)) || ' pages; big file '
  || (SELECT Id FROM fill_big) || ' (' || (SELECT count(*) FROM ScannedDocuments WHERE FileId = (SELECT Id FROM fill_big)) || ' documents)';
