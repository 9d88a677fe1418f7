-- Monthly statistics for the benchmark: one report for every open agency in each of the 60 Jalali months before the
-- current one (Tehran's calendar), with four category lines each. Run by bench/monthly-stats.sh on a database made by the
-- portal's seed-demo command:
--
--   sqlite3 -bail bench/out/monthly.db < bench/monthly-fill.sql
--
-- The demo reports (and their audit rows) are deleted first, so each agency×month has exactly one report. Nothing is
-- done when the database already holds exactly those 60 months for every open agency, unless the caller created
-- TEMP TABLE force_refill first (monthly-stats.sh --refill).
--
-- Stored as the app stores them: Period = JalaliMonth.Key (yyyymm); instants as UTC ticks (PortalDbContext's
-- UtcTicksConverter); Version as the upper-case text Microsoft.Data.Sqlite writes for a Guid; AverageDaysToForward as
-- decimal text with one place ("4.5", "10.0"). The month's figures balance:
-- PendingAtEnd = PendingBroughtForward + received − FilesForwarded − FilesReturned, and each month brings forward the
-- previous month's PendingAtEnd.
--
-- Timeline of a report, in Tehran time, counted in days after the 1st of the following month (day offset 0 = the 1st):
-- submitted on offset 0-4 (one in ten on 5-7, after the agencies' 5th), one in twenty returned the next day and
-- resubmitted the day after, accepted 0-2 days after the (last) submission, forwarded by the 10th (offset ≤ 9, i.e.
-- before MonthlyReport.OnTimeCutOff, 00:00 on the 11th) or, one in ten, 1-6 days late; one in fifty forwarded reports
-- of older months was reopened and forwarded again (FirstForwardedAt keeps the first forwarding). Nothing is dated
-- after now: the month just ended is as far along as today allows, and its reports and the month before's stop at
-- every stage (draft, submitted, returned, accepted) as they would early in a month.

BEGIN;

CREATE TEMP TABLE nowruz(y INTEGER PRIMARY KEY, g TEXT NOT NULL); -- 1 Farvardin, as .NET's PersianCalendar has it
INSERT INTO nowruz VALUES
  (1395, '2016-03-20'), (1396, '2017-03-21'), (1397, '2018-03-21'), (1398, '2019-03-21'), (1399, '2020-03-20'), (1400, '2021-03-21'),
  (1401, '2022-03-21'), (1402, '2023-03-21'), (1403, '2024-03-20'), (1404, '2025-03-21'), (1405, '2026-03-21'), (1406, '2027-03-21'),
  (1407, '2028-03-20'), (1408, '2029-03-20'), (1409, '2030-03-21'), (1410, '2031-03-21'), (1411, '2032-03-20'), (1412, '2033-03-20'),
  (1413, '2034-03-21'), (1414, '2035-03-21'), (1415, '2036-03-20'), (1416, '2037-03-20'), (1417, '2038-03-21'), (1418, '2039-03-21'),
  (1419, '2040-03-20'), (1420, '2041-03-20'), (1421, '2042-03-21'), (1422, '2043-03-21'), (1423, '2044-03-20'), (1424, '2045-03-20'),
  (1425, '2046-03-21'), (1426, '2047-03-21'), (1427, '2048-03-20'), (1428, '2049-03-20'), (1429, '2050-03-21'), (1430, '2051-03-21'),
  (1431, '2052-03-20');

-- Every Jalali month 1395/01..1430/12 with the Gregorian date of its 1st (months 1-6 have 31 days, 7-11 have 30).
CREATE TEMP TABLE jm AS
WITH RECURSIVE mm(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM mm WHERE m < 12)
SELECT n.y, mm.m, n.y * 100 + mm.m AS key, n.y * 12 + mm.m - 1 AS ord,
       date(n.g, '+' || CASE WHEN mm.m <= 7 THEN (mm.m - 1) * 31 ELSE 186 + (mm.m - 7) * 30 END || ' days') AS first
FROM nowruz n, mm WHERE n.y < 1431
UNION ALL SELECT 1431, 1, 143101, 1431 * 12, g FROM nowruz WHERE y = 1431;

-- The 60 report months: t = 1 (oldest) .. 60 (the month just ended), idx = months back from the current one.
-- base: 00:00 Tehran standard time (+03:30) on the 1st of the following month, in UTC ticks. Iran kept daylight time
-- (+04:30) from 2 Farvardin to 30 Shahrivar until 1401; dst_all / dst_from2 say whether the following month had it.
CREATE TEMP TABLE months AS
SELECT 61 - (c.ord - p.ord) AS t, c.ord - p.ord AS idx, p.key, p.y, p.m, nx.first AS nfirst,
       621355968000000000 + (unixepoch(nx.first) - 12600) * 10000000 AS base,
       (nx.y <= 1401 AND nx.m BETWEEN 2 AND 6) AS dst_all, (nx.y <= 1401 AND nx.m = 1) AS dst_from2
FROM (SELECT max(ord) AS ord FROM jm WHERE first <= date('now', '+210 minutes')) c
JOIN jm p ON p.ord BETWEEN c.ord - 60 AND c.ord - 1
JOIN jm nx ON nx.ord = p.ord + 1;

CREATE TEMP TABLE ag AS
SELECT Id AS id, ReviewOfficeId AS office, ProvinceId AS province,
       (random() & 1073741823) % 15 AS pbf0,   -- pending carried into the first month
       1 + (random() & 1073741823) % 4 AS size -- busier agencies receive more files
FROM OrgUnits WHERE Type = 'Agency' AND Status <> 3;

-- Work to do unless the 60 months are already there, one report per open agency each (or forced).
CREATE TEMP TABLE go AS
SELECT (SELECT count(*) FROM sqlite_temp_master WHERE name = 'force_refill') > 0
    OR NOT ((SELECT count(*) FROM MonthlyReports) = (SELECT count(*) FROM ag) * 60
        AND (SELECT count(DISTINCT Period) FROM MonthlyReports) = 60
        AND (SELECT min(Period) FROM MonthlyReports) = (SELECT key FROM months WHERE t = 1)
        AND (SELECT max(Period) FROM MonthlyReports) = (SELECT key FROM months WHERE t = 60)) AS go;

SELECT CASE WHEN go THEN 'filling ' ELSE 'already filled: ' END
       || (SELECT min(key) FROM months) || '..' || (SELECT max(key) FROM months) FROM go;

-- Random draws per agency and month, materialised so each is read consistently.
CREATE TEMP TABLE draws(a INTEGER NOT NULL, t INTEGER NOT NULL,
  r1, r2, r3, r4, x1, x2, x3, x4, retd, keep, sub_roll, sub_a, sub_b, subm, ret_roll, retm, resubm, acc_add, accm,
  late_roll, fwd_add, late_add, fwdm, reo_roll, reo_add, reom, refwdm, cap_roll, avg10, h, vn,
  PRIMARY KEY (a, t)) WITHOUT ROWID;
INSERT INTO draws
SELECT ag.id, months.t,
  -- files received per category: none one time in four, else up to 12 × size; rials per file 3,000,000..39,990,000
  CASE WHEN (random() & 1073741823) % 4 = 0 THEN 0 ELSE 1 + (random() & 1073741823) % (12 * ag.size) END,
  CASE WHEN (random() & 1073741823) % 4 = 0 THEN 0 ELSE 1 + (random() & 1073741823) % (12 * ag.size) END,
  CASE WHEN (random() & 1073741823) % 4 = 0 THEN 0 ELSE 1 + (random() & 1073741823) % (12 * ag.size) END,
  CASE WHEN (random() & 1073741823) % 4 = 0 THEN 0 ELSE 1 + (random() & 1073741823) % (12 * ag.size) END,
  300 + (random() & 1073741823) % 3700, 300 + (random() & 1073741823) % 3700,
  300 + (random() & 1073741823) % 3700, 300 + (random() & 1073741823) % 3700,
  (random() & 1073741823) % 4,    -- retd: files returned (at most what is there)
  (random() & 1073741823) % 10,   -- keep: files still pending at the end
  (random() & 1073741823) % 100, (random() & 1073741823) % 5, (random() & 1073741823) % 3, (random() & 1073741823) % 240,
  (random() & 1073741823) % 100, (random() & 1073741823) % 120, (random() & 1073741823) % 240,
  (random() & 1073741823) % 3, (random() & 1073741823) % 120,
  (random() & 1073741823) % 100, (random() & 1073741823) % 2, (random() & 1073741823) % 6, (random() & 1073741823) % 180,
  (random() & 1073741823) % 100, (random() & 1073741823) % 8, (random() & 1073741823) % 120, (random() & 1073741823) % 180,
  (random() & 1073741823) % 100, 10 + (random() & 1073741823) % 70,
  upper(hex(randomblob(16))), (random() & 1073741823) % 4
FROM ag, months WHERE (SELECT go FROM go);

-- Pending brought forward, month after month: the previous month's PendingAtEnd.
CREATE TEMP TABLE chain(a INTEGER NOT NULL, t INTEGER NOT NULL, pbf INTEGER NOT NULL, PRIMARY KEY (a, t)) WITHOUT ROWID;
INSERT INTO chain
WITH RECURSIVE c(a, t, pbf) AS (
  SELECT id, 1, pbf0 FROM ag WHERE (SELECT go FROM go)
  UNION ALL
  SELECT c.a, c.t + 1, min(d.keep, c.pbf + d.r1 + d.r2 + d.r3 + d.r4 - min(d.retd, c.pbf + d.r1 + d.r2 + d.r3 + d.r4))
  FROM c JOIN draws d ON d.a = c.a AND d.t = c.t
  WHERE c.t < 60)
SELECT a, t, pbf FROM c;

-- Figures and the timeline (day offsets and minutes of the day, Tehran), before "now" and the stops are applied.
CREATE TEMP TABLE plan AS
SELECT *, CASE WHEN late THEN max(10, acc_raw) + late_add ELSE min(9, min(9, acc_raw) + fwd_add) END AS fwd_off,
       CASE WHEN late THEN acc_raw ELSE min(9, acc_raw) END AS acc_off
FROM (
  SELECT *, last_sub + acc_add AS acc_raw
  FROM (
    SELECT *, CASE WHEN returned THEN sub0 + 2 ELSE sub0 END AS last_sub
    FROM (
      SELECT d.a, d.t, m.idx, m.key, m.base, m.dst_all, m.dst_from2, ag.office, ag.province, ch.pbf,
             d.r1, d.r2, d.r3, d.r4, d.x1, d.x2, d.x3, d.x4, d.h, d.vn, d.subm, d.retm, d.resubm, d.accm, d.fwdm,
             d.reom, d.refwdm, d.acc_add, d.fwd_add, d.late_add, d.avg10,
             ch.pbf + d.r1 + d.r2 + d.r3 + d.r4 AS avail,
             min(d.retd, ch.pbf + d.r1 + d.r2 + d.r3 + d.r4) AS ret,
             min(d.keep, ch.pbf + d.r1 + d.r2 + d.r3 + d.r4 - min(d.retd, ch.pbf + d.r1 + d.r2 + d.r3 + d.r4)) AS pend,
             CASE WHEN d.sub_roll < 90 THEN d.sub_a ELSE 5 + d.sub_b END AS sub0,
             -- how far the report may get: the last two months stop at every stage
             CASE m.idx
               WHEN 1 THEN CASE WHEN d.cap_roll < 30 THEN 0 WHEN d.cap_roll < 50 THEN 1 WHEN d.cap_roll < 55 THEN 2
                                WHEN d.cap_roll < 75 THEN 4 ELSE 5 END
               WHEN 2 THEN CASE WHEN d.cap_roll < 2 THEN 0 WHEN d.cap_roll < 5 THEN 1 WHEN d.cap_roll < 6 THEN 2
                                WHEN d.cap_roll < 12 THEN 4 ELSE 5 END
               ELSE 5 END AS cap,
             d.ret_roll < 5 OR (m.idx <= 2 AND d.cap_roll BETWEEN CASE m.idx WHEN 1 THEN 50 ELSE 5 END
                                                         AND CASE m.idx WHEN 1 THEN 54 ELSE 5 END) AS returned,
             d.late_roll < 10 AS late,
             m.idx >= 3 AND d.reo_roll < 2 AS reopened,
             d.reo_add
      FROM draws d JOIN months m ON m.t = d.t JOIN ag ON ag.id = d.a JOIN chain ch ON ch.a = d.a AND ch.t = d.t)));

-- Instants in UTC ticks (a minute is 600,000,000 ticks; daylight time takes an hour off).
CREATE TEMP TABLE stamped AS
SELECT p.*,
  base + (sub0 * 1440 + 480 + subm) * 600000000 - (dst_all OR (dst_from2 AND sub0 >= 1)) * 36000000000 AS sub_t,
  base + ((sub0 + 1) * 1440 + 540 + retm) * 600000000 - (dst_all OR dst_from2) * 36000000000 AS ret_t,
  base + ((sub0 + 2) * 1440 + 480 + resubm) * 600000000 - (dst_all OR dst_from2) * 36000000000 AS resub_t,
  base + (acc_off * 1440 + 720 + accm) * 600000000 - (dst_all OR (dst_from2 AND acc_off >= 1)) * 36000000000 AS acc_t,
  base + (fwd_off * 1440 + 840 + fwdm) * 600000000 - (dst_all OR (dst_from2 AND fwd_off >= 1)) * 36000000000 AS fwd_t,
  base + ((fwd_off + 2 + reo_add) * 1440 + 600 + reom) * 600000000 - (dst_all OR dst_from2) * 36000000000 AS reo_t,
  base + ((fwd_off + 3 + reo_add) * 1440 + 840 + refwdm) * 600000000 - (dst_all OR dst_from2) * 36000000000 AS refwd_t
FROM plan p;

-- What has happened by now.
CREATE TEMP TABLE done AS
SELECT *, a_ok AND fwd_t <= now AND cap >= 5 AS f_ok
FROM (
  SELECT *, s_ok AND (NOT returned OR rs_ok) AND acc_t <= now AND cap >= 4 AS a_ok
  FROM (
    SELECT *, r_ok AND resub_t <= now AND cap >= 3 AS rs_ok
    FROM (
      SELECT *, s_ok AND returned AND ret_t <= now AND cap >= 2 AS r_ok
      FROM (
        SELECT s.*, n.now, sub_t <= n.now AND cap >= 1 AS s_ok
        FROM stamped s, (SELECT 621355968000000000 + unixepoch('now') * 10000000 AS now) n))));

DELETE FROM ReportLines WHERE (SELECT go FROM go);
DELETE FROM MonthlyReports WHERE (SELECT go FROM go);
DELETE FROM AuditEntries WHERE Entity IN ('MonthlyReport', 'ReportLine') AND (SELECT go FROM go);

INSERT INTO MonthlyReports (AgencyId, ReviewOfficeId, ProvinceId, Period, Status, PendingBroughtForward, FilesForwarded,
  FilesReturned, PendingAtEnd, AverageDaysToForward, SubmittedAt, SubmittedBy, AcceptedAt, AcceptedBy, ReturnedAt, ReturnedBy,
  ReturnReason, ForwardedAt, ForwardedBy, FirstForwardedAt, ReopenedAt, ReopenedBy, ReopenReason, ChangesSinceAcceptance, Version)
SELECT a, office, province, key,
  CASE WHEN f_ok THEN 5 WHEN a_ok THEN 3 WHEN r_ok AND NOT rs_ok THEN 4 WHEN s_ok THEN 2 ELSE 1 END,
  pbf, avail - ret - pend, ret, pend,
  CASE WHEN avail - ret - pend > 0 THEN printf('%.1f', avg10 / 10.0) END,
  CASE WHEN rs_ok THEN resub_t WHEN s_ok THEN sub_t END, CASE WHEN s_ok THEN 'demo.agency.manager' END,
  CASE WHEN a_ok THEN acc_t END, CASE WHEN a_ok THEN 'demo.review' END,
  CASE WHEN r_ok THEN ret_t END, CASE WHEN r_ok THEN 'demo.review' END,
  CASE WHEN r_ok THEN 'پرونده‌های عودتی با فهرست تحویل نمی‌خواند' END,
  CASE WHEN f_ok AND reopened THEN refwd_t WHEN f_ok THEN fwd_t END, CASE WHEN f_ok THEN 'demo.review' END,
  CASE WHEN f_ok THEN fwd_t END,
  CASE WHEN f_ok AND reopened THEN reo_t END, CASE WHEN f_ok AND reopened THEN 'demo.review' END,
  CASE WHEN f_ok AND reopened THEN 'اصلاح تعداد پرونده‌های ارسالی پس از تطبیق با فهرست تحویل' END,
  CASE WHEN f_ok AND reopened THEN 1 ELSE 0 END,
  substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' || substr('89AB', 1 + vn, 1)
    || substr(h, 18, 3) || '-' || substr(h, 21, 12)
FROM done WHERE (SELECT go FROM go)
ORDER BY t, a;

-- Four lines a report, in the categories' order; a category without files has a zero line, as the form saves it.
INSERT INTO ReportLines (ReportId, CategoryId, FilesReceived, AmountClaimed)
SELECT r.Id, c.Id,
  CASE c.n WHEN 1 THEN d.r1 WHEN 2 THEN d.r2 WHEN 3 THEN d.r3 ELSE d.r4 END,
  CASE c.n WHEN 1 THEN d.r1 * d.x1 WHEN 2 THEN d.r2 * d.x2 WHEN 3 THEN d.r3 * d.x3 ELSE d.r4 * d.x4 END * 10000
FROM MonthlyReports r
JOIN months m ON m.key = r.Period
JOIN draws d ON d.a = r.AgencyId AND d.t = m.t
JOIN (SELECT Id, row_number() OVER (ORDER BY SortOrder) AS n FROM ClaimCategories WHERE IsActive LIMIT 4) c
WHERE (SELECT go FROM go)
ORDER BY r.Id, c.n;

COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
