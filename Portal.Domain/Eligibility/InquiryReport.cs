using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>
/// The inquiry log's report (seed 002, seed 004's service performance): inquiries answered, covered and not covered, by
/// day, province, office (the person's branch), centre and channel, over a range of Jalali days, in the reader's scope
/// (a centre its own inquiries, a province its centres' and its people's, head office all). Counted by the database,
/// one GROUP BY per dimension over the indexed day column: the log holds millions of rows.
/// </summary>
public sealed class InquiryReport(PortalDb portalDb)
{
    public const int MaxDays = 366;

    /// <summary>
    /// One row of a dimension. <see cref="Key"/> is the day (yyyy/mm/dd), the channel's name, or the unit's or province's
    /// id ("" when none: a personal inquiry has no centre, an unknown number no office); <see cref="Name"/> is the
    /// unit's or province's name (null for channels and for "none", which pages name in the reader's language).
    /// </summary>
    public sealed record Line(string Key, string? Name, int Total, int Covered)
    {
        public int NotCovered => Total - Covered;
    }

    /// <summary>
    /// The report. <see cref="Offices"/> is null for a centre's reader: whether a number has an office would tell a
    /// centre a known person from an unknown number, which the general inquiry never discloses.
    /// </summary>
    public sealed record Result(JalaliDate From, JalaliDate To, Line Total, IReadOnlyList<Line> Days, IReadOnlyList<Line> Provinces,
        IReadOnlyList<Line>? Offices, IReadOnlyList<Line> Centres, IReadOnlyList<Line> Channels);

    private sealed record Group<TKey>(TKey Key, int Total, int Covered);

    /// <summary>The report for <paramref name="from"/> … <paramref name="to"/> (both included); a reversed or too long range is refused.</summary>
    public async Task<Result> ReportAsync(JalaliDate from, JalaliDate to, CancellationToken ct = default)
    {
        if (from > to) throw DomainException.Of("InquiryReport.RangeOrder");
        if (to.ToDateOnly().DayNumber - from.ToDateOnly().DayNumber >= MaxDays) throw DomainException.Of("InquiryReport.RangeTooLong", MaxDays);
        await using var db = await portalDb.OpenForAsync(Permission.InquiryReportRead, "InquiryReport.NotYours", ct);
        var (first, last) = (DayKey(from), DayKey(to));
        var range = db.Inquiries.AsNoTracking().Where(i => i.Day >= first && i.Day <= last);

        var days = (await CountAsync(range, i => i.Day, ct)).ToDictionary(g => g.Key);
        var dayLines = new List<Line>();
        for (var day = from; day <= to; day = day.AddDays(1))
            dayLines.Add(days.TryGetValue(DayKey(day), out var g) ? new Line(day.ToString(), day.ToString(), g.Total, g.Covered) : new Line(day.ToString(), day.ToString(), 0, 0));

        var provinces = await CountAsync(range, i => i.ProvinceId, ct);
        var provinceIds = provinces.Where(g => g.Key is not null).Select(g => g.Key!.Value).ToList();
        var provinceNames = await db.Provinces.Where(p => provinceIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.NameFa, ct);

        var offices = db.Scope.Level == ScopeLevel.Unit ? null : await CountAsync(range, i => i.BranchId, ct);
        var centres = await CountAsync(range, i => i.CentreId, ct);
        var unitIds = (offices ?? []).Concat(centres).Where(g => g.Key is not null).Select(g => g.Key!.Value).Distinct().ToList();
        // Names of units are reference data: a centre's reader sees its own name, the person's branch is named for provinces only.
        var unitNames = await db.OrgUnits.IgnoreQueryFilters().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var channels = await CountAsync(range, i => i.Channel, ct);
        return new Result(from, to, new Line("", null, dayLines.Sum(l => l.Total), dayLines.Sum(l => l.Covered)), dayLines,
            Named(provinces, provinceNames), offices is null ? null : Named(offices, unitNames), Named(centres, unitNames),
            channels.OrderBy(g => g.Key).Select(g => new Line(g.Key.ToString(), null, g.Total, g.Covered)).ToList());
    }

    public static int DayKey(JalaliDate day) => day.Year * 10_000 + day.Month * 100 + day.Day;

    private static Task<List<Group<TKey>>> CountAsync<TKey>(IQueryable<Inquiry> range, Expression<Func<Inquiry, TKey>> key, CancellationToken ct) =>
        range.GroupBy(key).Select(g => new Group<TKey>(g.Key, g.Count(), g.Count(i => i.Covered))).ToListAsync(ct);

    // Persian alphabetical order; "none" last.
    private static readonly StringComparer PersianOrder = StringComparer.Create(new CultureInfo("fa-IR"), ignoreCase: false);

    private static List<Line> Named(IEnumerable<Group<int?>> groups, IReadOnlyDictionary<int, string> names) =>
        groups.Select(g => g.Key is { } id
                ? new Line(id.ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(id, id.ToString(CultureInfo.InvariantCulture)), g.Total, g.Covered)
                : new Line("", null, g.Total, g.Covered))
            .OrderBy(l => l.Name is null).ThenBy(l => l.Name, PersianOrder).ToList();
}
