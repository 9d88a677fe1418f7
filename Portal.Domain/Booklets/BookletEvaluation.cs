using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.NetworkOutages;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Booklets;

/// <summary>
/// The weights of the units' evaluation (section <c>Booklets:Evaluation</c>): how much usage, correct performance and
/// responsiveness count, and what responsiveness measures down hours against. See the README.
/// </summary>
public sealed class BookletEvaluationOptions
{
    public double UsageWeight { get; set; } = 0.4;
    public double CorrectnessWeight { get; set; } = 0.4;
    public double ResponsivenessWeight { get; set; } = 0.2;
    /// <summary>Down hours in a month at which responsiveness reaches zero.</summary>
    public double DownHoursCeiling { get; set; } = 48;
    /// <summary>What an outage still open when the evaluation is read weighs, in down hours per month.</summary>
    public double OpenOutageHours { get; set; } = 24;

    public void Validate()
    {
        double[] weights = [UsageWeight, CorrectnessWeight, ResponsivenessWeight];
        if (weights.Any(w => w < 0 || double.IsNaN(w)) || weights.Sum() <= 0 || DownHoursCeiling <= 0 || OpenOutageHours < 0)
            throw DomainException.Of("Booklets.Evaluation.BadWeights");
    }
}

/// <summary>
/// The units' evaluation (seed 004 §5: «عملکرد صحیح، پاسخگوئی مناسب و همچنین میزان استفاده از سرویس»): every branch
/// and every general office of the country ranked for a month or range by a weighted score of three parts, each 0…1:
/// <list type="bullet">
/// <item>usage — done services, against the most any unit of the same kind did (plain counts: a large branch serves more);</item>
/// <item>correct performance — 1 − (done services later marked corrected + refusals that were counter errors, i.e. the
/// wrong service asked: already valid, no booklet, has a booklet) ÷ all services; 1 when the unit recorded none;</item>
/// <item>responsiveness — 1 − (down hours per month + open outages × <see cref="BookletEvaluationOptions.OpenOutageHours"/>)
/// ÷ <see cref="BookletEvaluationOptions.DownHoursCeiling"/>, not below 0; a general office takes its branches' average.</item>
/// </list>
/// The ranks need every unit's figures, so they are counted nationally; the reader is shown only the rows of its scope
/// (a branch its own place, a province its branches and general offices, head office all), each with its rank of all.
/// </summary>
public sealed class BookletEvaluation(PortalDb portalDb, BookletEvaluationOptions options, TimeProvider clock)
{
    public sealed record Place(int UnitId, string Code, string Name, string Province, int Rank, int Of, int Done, int Services, int Errors,
        double DownHoursPerMonth, int OpenOutages, double Usage, double Correctness, double Responsiveness, double Score, bool Own);

    public sealed record Result(JalaliMonth From, JalaliMonth To, BookletEvaluationOptions Weights, IReadOnlyList<Place> Branches,
        IReadOnlyList<Place> GeneralOffices, int BranchCount, int GeneralOfficeCount);

    private sealed record Unit(int Id, string Code, string Name, UnitKind Kind, int? ProvinceId, int? ParentId);

    private sealed record Figures(int Done, int Services, int Errors, double DownHours, int Open, int Branches);

    public async Task<Result> ReadAsync(JalaliMonth from, JalaliMonth to, CancellationToken ct = default)
    {
        options.Validate();
        BookletReport.CheckRange(from, to, clock);
        await using var db = await portalDb.OpenForAsync(Permission.BookletReportRead, "Booklets.Report.NotYours", ct);
        var (reader, unitId) = (db.Scope, db.Actor.UnitId);
        var (first, last) = (from.Key, to.Key);
        // The ranks are of the whole country; what the reader sees is cut to its scope below.
        var services = await db.BookletServices.IgnoreQueryFilters().AsNoTracking().Where(s => s.Month >= first && s.Month <= last)
            .GroupBy(s => new { s.BranchId, s.Refusal, Corrected = s.CorrectedAt != null })
            .Select(g => new { g.Key.BranchId, g.Key.Refusal, g.Key.Corrected, Count = g.Count() }).ToListAsync(ct);
        var units = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.Kind == UnitKind.Branch || u.Kind == UnitKind.GeneralOffice)
            .Select(u => new Unit(u.Id, u.Code, u.Name, u.Kind, u.ProvinceId, u.ParentId)).ToListAsync(ct);
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.NameFa, ct);
        var now = clock.GetUtcNow();
        db.ActAs(db.Actor with { Scope = OrgScope.National });
        var outages = (await OutageHours.PerBranchAsync(db, from, to, now, ct)).ToDictionary(o => o.BranchId);

        var months = to.Year * 12 + to.Month - (from.Year * 12 + from.Month) + 1;
        var byBranch = services.GroupBy(s => s.BranchId).ToDictionary(g => g.Key, g => (
            Done: g.Where(s => s.Refusal == null).Sum(s => s.Count), Services: g.Sum(s => s.Count),
            Errors: g.Where(s => s.Corrected || (s.Refusal is { } r && BookletReport.IsCounterError(r))).Sum(s => s.Count)));
        var branches = units.Where(u => u.Kind == UnitKind.Branch).ToList();
        var branchFigures = branches.ToDictionary(b => b.Id, b =>
        {
            var (done, all, errors) = byBranch.GetValueOrDefault(b.Id);
            var o = outages.GetValueOrDefault(b.Id);
            return new Figures(done, all, errors, (o?.Hours ?? 0) / months, o?.Open ?? 0, 1);
        });
        var officeFigures = units.Where(u => u.Kind == UnitKind.GeneralOffice).ToDictionary(u => u.Id, u =>
        {
            var own = branches.Where(b => b.ParentId == u.Id).Select(b => branchFigures[b.Id]).ToList();
            return own.Count == 0 ? new Figures(0, 0, 0, 0, 0, 0)
                : new Figures(own.Sum(f => f.Done), own.Sum(f => f.Services), own.Sum(f => f.Errors), own.Average(f => f.DownHours + f.Open * options.OpenOutageHours),
                    own.Sum(f => f.Open), own.Count);
        });

        Place[] Rank(IEnumerable<(Unit Unit, Figures Figures)> list, bool office)
        {
            var rows = list.ToList();
            var most = rows.Count == 0 ? 0 : rows.Max(r => r.Figures.Done);
            var scored = rows.Select(r =>
            {
                var f = r.Figures;
                var usage = most == 0 ? 0 : (double)f.Done / most;
                var correctness = f.Services == 0 ? 1 : 1 - (double)f.Errors / f.Services;
                // A general office's down hours already carry its open outages (averaged over its branches).
                var down = office ? f.DownHours : f.DownHours + f.Open * options.OpenOutageHours;
                var responsiveness = Math.Max(0, 1 - down / options.DownHoursCeiling);
                var score = Score(usage, correctness, responsiveness);
                var u = r.Unit;
                return new Place(u.Id, u.Code, u.Name, provinces.GetValueOrDefault(u.ProvinceId ?? 0, ""), 0, rows.Count, f.Done, f.Services,
                    f.Errors, f.DownHours, f.Open, usage, correctness, responsiveness, score, u.Id == unitId);
            }).OrderByDescending(p => Math.Round(p.Score, 2)).ThenByDescending(p => p.Done).ThenBy(p => p.Code, StringComparer.Ordinal).ToArray();
            for (var i = 0; i < scored.Length; i++)
                scored[i] = scored[i] with { Rank = i > 0 && Math.Round(scored[i].Score, 2) == Math.Round(scored[i - 1].Score, 2) ? scored[i - 1].Rank : i + 1 };
            return scored;
        }

        var branchPlaces = Rank(branches.Select(b => (b, branchFigures[b.Id])), office: false);
        var officePlaces = Rank(units.Where(u => u.Kind == UnitKind.GeneralOffice).Select(u => (u, officeFigures[u.Id])), office: true);
        var provinceOf = units.ToDictionary(u => u.Id, u => u.ProvinceId);
        bool Visible(Place p) => reader.Covers(provinceOf[p.UnitId], p.UnitId);
        return new Result(from, to, options, [.. branchPlaces.Where(Visible)], [.. officePlaces.Where(Visible)], branchPlaces.Length, officePlaces.Length);
    }

    /// <summary>0…100: the weighted mean of the three parts.</summary>
    public double Score(double usage, double correctness, double responsiveness) =>
        100 * (options.UsageWeight * usage + options.CorrectnessWeight * correctness + options.ResponsivenessWeight * responsiveness)
            / (options.UsageWeight + options.CorrectnessWeight + options.ResponsivenessWeight);
}
