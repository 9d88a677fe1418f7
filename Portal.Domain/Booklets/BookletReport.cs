using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Booklets;

/// <summary>
/// Head office's report of the booklet services (seed 004 §5): for a Jalali month or a range of months, by general
/// office, branch and service type, with the refusals by reason and the time from request to service, in the reader's
/// scope (a branch its own rows, a province its branches, head office all; <c>province</c> narrows a national reader).
/// Counted by the database: one GROUP BY over the covering index (Month, ProvinceId, BranchId, Type, Refusal,
/// CorrectedAt) and one over the done services' waits — a national month is some 400,000 rows, never loaded.
/// </summary>
public sealed class BookletReport(PortalDb portalDb, TimeProvider clock)
{
    public const int MaxMonths = 12;

    /// <summary>Waits longer than this count as this long for the median (the average takes them as they are).</summary>
    public const int WaitCapMinutes = 240;

    /// <summary>Refusals of the booklet's own reasons: the counter asked for the wrong service, an error of the branch.</summary>
    public static readonly BookletRefusal[] CounterErrors = [BookletRefusal.AlreadyValid, BookletRefusal.NoBooklet, BookletRefusal.HasBooklet];

    public static bool IsCounterError(BookletRefusal refusal) => Array.IndexOf(CounterErrors, refusal) >= 0;

    /// <summary>Services of one unit or type: done ones by type, refusals, done ones later marked corrected, refusals that were counter errors.</summary>
    public sealed record Counts(int Renewals, int Credits, int NewBooklets, int Duplicates, int Refused, int Corrected, int CounterErrors)
    {
        public static readonly Counts Zero = new(0, 0, 0, 0, 0, 0, 0);
        public int Done => Renewals + Credits + NewBooklets + Duplicates;
        public int Services => Done + Refused;
        public double RefusedRate => Services == 0 ? 0 : (double)Refused / Services;

        public int DoneOf(BookletServiceType type) => type switch
        {
            BookletServiceType.Renewal => Renewals,
            BookletServiceType.Credit => Credits,
            BookletServiceType.NewBooklet => NewBooklets,
            _ => Duplicates,
        };

        public static Counts operator +(Counts a, Counts b) => new(a.Renewals + b.Renewals, a.Credits + b.Credits, a.NewBooklets + b.NewBooklets,
            a.Duplicates + b.Duplicates, a.Refused + b.Refused, a.Corrected + b.Corrected, a.CounterErrors + b.CounterErrors);
    }

    /// <summary>Minutes from request to service over the done services where it was measured (requested before served).</summary>
    public sealed record Wait(int Measured, double? AverageMinutes, int? MedianMinutes)
    {
        public static readonly Wait None = new(0, null, null);
    }

    /// <summary>A general office or a branch. <see cref="ParentId"/> is a branch's general office.</summary>
    public sealed record UnitLine(int Id, string Code, string Name, int ProvinceId, string Province, int? ParentId, Counts Counts, Wait Wait);

    public sealed record TypeLine(BookletServiceType Type, int Done, int Refused, int Corrected);

    public sealed record RefusalLine(BookletRefusal Reason, int Count, bool CounterError);

    public sealed record Result(JalaliMonth From, JalaliMonth To, string? ProvinceCode, Counts Total, Wait Wait,
        IReadOnlyList<UnitLine> GeneralOffices, IReadOnlyList<UnitLine> Branches, IReadOnlyList<TypeLine> Types, IReadOnlyList<RefusalLine> Refusals);

    private sealed record Group(int BranchId, BookletServiceType Type, BookletRefusal? Refusal, bool Corrected, int Count);

    private sealed record WaitGroup(int BranchId, double Minutes, int Count, double Total);

    /// <summary>
    /// The report for <paramref name="from"/> … <paramref name="to"/> (both included), of the province with code
    /// <paramref name="provinceCode"/> when given; null when that province is unknown or outside the reader's scope.
    /// A reversed range, one longer than <see cref="MaxMonths"/> or one reaching past this month is refused.
    /// </summary>
    public async Task<Result?> ReadAsync(JalaliMonth from, JalaliMonth to, string? provinceCode = null, CancellationToken ct = default)
    {
        CheckRange(from, to, clock);
        await using var db = await portalDb.OpenForAsync(Permission.BookletReportRead, "Booklets.Report.NotYours", ct);
        int? provinceId = null;
        if (provinceCode is { Length: > 0 })
        {
            provinceId = await db.Provinces.Where(p => p.Code == provinceCode).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (provinceId is not { } p || !(db.Scope.Level == ScopeLevel.National || db.Scope.ProvinceId == p)) return null;
        }
        var (first, last) = (from.Key, to.Key);
        var services = db.BookletServices.AsNoTracking().Where(s => s.Month >= first && s.Month <= last);
        if (provinceId is { } only) services = services.Where(s => s.ProvinceId == only);

        var groups = await services.GroupBy(s => new { s.BranchId, s.Type, s.Refusal, Corrected = s.CorrectedAt != null })
            .Select(g => new Group(g.Key.BranchId, g.Key.Type, g.Key.Refusal, g.Key.Corrected, g.Count())).ToListAsync(ct);
        var waits = await services.Where(s => s.Refusal == null && s.WaitMinutes != null)
            .GroupBy(s => new { s.BranchId, Minutes = s.WaitMinutes > WaitCapMinutes ? WaitCapMinutes : s.WaitMinutes!.Value })
            .Select(g => new WaitGroup(g.Key.BranchId, g.Key.Minutes, g.Count(), g.Sum(s => (double)s.WaitMinutes!.Value))).ToListAsync(ct);

        // Every branch in scope, also those that served nobody: a branch not using the service is what head office looks for.
        var branchUnits = db.OrgUnits.AsNoTracking().Where(u => u.Kind == UnitKind.Branch);
        if (provinceId is { } inProvince) branchUnits = branchUnits.Where(u => u.ProvinceId == inProvince);
        var branches = await branchUnits.Select(u => new { u.Id, u.Code, u.Name, ProvinceId = u.ProvinceId!.Value, u.ParentId }).ToListAsync(ct);
        var seen = branches.Select(b => b.Id).ToHashSet();
        var strays = groups.Select(g => g.BranchId).Where(id => !seen.Contains(id)).Distinct().ToList();
        // Names of units and provinces are reference data, read in queries of their own (unfiltered only for names).
        var parentIds = branches.Where(b => b.ParentId is not null).Select(b => b.ParentId!.Value).Distinct().ToList();
        var named = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => parentIds.Contains(u.Id) || strays.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.Name, ProvinceId = u.ProvinceId ?? 0, u.ParentId, u.Kind }).ToListAsync(ct);
        // A service of a branch since moved elsewhere still counts where it was recorded.
        branches.AddRange(named.Where(u => strays.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name, u.ProvinceId, u.ParentId }));
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.NameFa, ct);

        var countsOf = groups.GroupBy(g => g.BranchId).ToDictionary(g => g.Key, g => Sum(g));
        var waitsOf = waits.GroupBy(w => w.BranchId).ToDictionary(g => g.Key, g => WaitOf(g));
        var branchLines = branches
            .Select(b => new UnitLine(b.Id, b.Code, b.Name, b.ProvinceId, provinces.GetValueOrDefault(b.ProvinceId, ""), b.ParentId,
                countsOf.GetValueOrDefault(b.Id, Counts.Zero), waitsOf.GetValueOrDefault(b.Id, Wait.None)))
            .OrderBy(b => b.Code, StringComparer.Ordinal).ToList();
        var offices = named.Where(u => u.Kind == UnitKind.GeneralOffice).ToDictionary(u => u.Id);
        var officeOf = branchLines.ToDictionary(b => b.Id, b => b.ParentId ?? 0);
        var officeWaits = waits.GroupBy(w => officeOf.GetValueOrDefault(w.BranchId)).ToDictionary(g => g.Key, g => WaitOf(g));
        var officeLines = branchLines.GroupBy(b => b.ParentId ?? 0)
            .Select(g => (Office: offices.GetValueOrDefault(g.Key), Counts: g.Aggregate(Counts.Zero, (s, b) => s + b.Counts),
                Wait: officeWaits.GetValueOrDefault(g.Key, Wait.None), First: g.First()))
            .Select(o => o.Office is { } u
                ? new UnitLine(u.Id, u.Code, u.Name, u.ProvinceId, provinces.GetValueOrDefault(u.ProvinceId, ""), null, o.Counts, o.Wait)
                : new UnitLine(0, "", "", o.First.ProvinceId, o.First.Province, null, o.Counts, o.Wait))
            .OrderBy(o => o.Code, StringComparer.Ordinal).ToList();

        var types = Enum.GetValues<BookletServiceType>().Select(t => new TypeLine(t,
            groups.Where(g => g.Type == t && g.Refusal == null).Sum(g => g.Count), groups.Where(g => g.Type == t && g.Refusal != null).Sum(g => g.Count),
            groups.Where(g => g.Type == t && g.Corrected).Sum(g => g.Count))).ToList();
        var refusals = groups.Where(g => g.Refusal is not null).GroupBy(g => g.Refusal!.Value)
            .Select(g => new RefusalLine(g.Key, g.Sum(x => x.Count), IsCounterError(g.Key)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason).ToList();
        var code = provinceCode is { Length: > 0 } ? provinceCode : null;
        return new Result(from, to, code, Sum(groups), WaitOf(waits), officeLines, branchLines, types, refusals);
    }

    /// <summary>The provinces a national reader may narrow the report to (code, Persian name); null for a provincial or branch reader.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>?> ProvincesAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.BookletReportRead, "Booklets.Report.NotYours", ct);
        if (db.Scope.Level != ScopeLevel.National) return null;
        var list = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.NameFa }).ToListAsync(ct);
        return [.. list.Select(p => (p.Code, p.NameFa))];
    }

    /// <summary>The range's rules, shared by the page, the API and the evaluation.</summary>
    public static void CheckRange(JalaliMonth from, JalaliMonth to, TimeProvider clock)
    {
        if (from > to) throw DomainException.Of("Booklets.Report.RangeOrder");
        if (to.Year * 12 + to.Month - (from.Year * 12 + from.Month) >= MaxMonths)
            throw DomainException.Of("Booklets.Report.RangeTooLong", MaxMonths);
        if (to > JalaliDate.Today(clock).YearMonth) throw DomainException.Of("Booklets.Report.Future");
    }

    private static Counts Sum(IEnumerable<Group> groups)
    {
        int[] done = new int[5];
        var (refused, corrected, errors) = (0, 0, 0);
        foreach (var g in groups)
        {
            if (g.Refusal is { } reason)
            {
                refused += g.Count;
                if (IsCounterError(reason)) errors += g.Count;
            }
            else done[(int)g.Type] += g.Count;
            if (g.Corrected) corrected += g.Count;
        }
        return new Counts(done[(int)BookletServiceType.Renewal], done[(int)BookletServiceType.Credit], done[(int)BookletServiceType.NewBooklet],
            done[(int)BookletServiceType.Duplicate], refused, corrected, errors);
    }

    /// <summary>The average over every measured service; the median from the minute histogram (long waits capped).</summary>
    private static Wait WaitOf(IEnumerable<WaitGroup> groups)
    {
        var list = groups.ToList();
        var measured = list.Sum(g => g.Count);
        if (measured == 0) return Wait.None;
        var histogram = list.GroupBy(g => (int)g.Minutes).Select(g => (Minutes: g.Key, Count: g.Sum(x => x.Count))).OrderBy(h => h.Minutes).ToList();
        var (middle, seen, median) = ((measured + 1) / 2, 0, 0);
        foreach (var (minutes, count) in histogram)
        {
            seen += count;
            if (seen < middle) continue;
            median = minutes;
            break;
        }
        return new Wait(measured, list.Sum(g => g.Total) / measured, median);
    }

    public static string MonthQuery(JalaliMonth month) => string.Create(CultureInfo.InvariantCulture, $"{month.Year:0000}-{month.Month:00}");
}
