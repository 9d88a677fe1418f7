using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Rollout;
using Portal.Domain.Security;

namespace Portal.Demo;

/// <summary>
/// Demo facts of the rollout: agencies' details, boards and representatives, the review offices' training sessions,
/// information tools and a few change notices — spread so that every readiness position occurs. Runs once per
/// agency (an agency that already has representatives is left alone).
/// </summary>
internal sealed class RolloutSeeder(PortalDbContext db, TimeProvider clock, int? representativesPerAgency)
{
    private static readonly string[] Positions = ["رئیس هیئت مدیره", "نایب رئیس هیئت مدیره", "عضو هیئت مدیره", "مدیرعامل"];
    private static readonly string[] Banks = ["017", "012", "015", "016", "018", "055", "062"];

    public async Task SeedAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.Include(a => a.Province).Where(a => !a.Representatives.Any()).OrderBy(a => a.Code).ToListAsync(ct);
        if (agencies.Count == 0) return;
        var now = clock.GetUtcNow();
        var random = new Random(1403);
        foreach (var agency in agencies)
        {
            var seed = new Random(int.Parse(string.Concat(agency.Code.Where(char.IsAsciiDigit))) ^ 0x5eed); // stable across runs, unlike string hashes
            string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + seed.Next(10))));
            var confirmed = seed.Next(3) > 0;
            agency.ListDetails("7" + Digits(9), Sheba.Create(Banks[seed.Next(Banks.Length)], Digits(19)),
                confirmed ? new DateOnly(2018, 1, 1).AddDays(seed.Next(2000)) : null, confirmed ? Digits(6) : null);
            agency.ReplaceBoard(Enumerable.Range(0, 2 + seed.Next(2)).Select(i => new BoardMemberInput(Person(seed), Positions[Math.Min(i, 3)], NationalId.WithCheckDigit(Digits(9)))));
            var count = representativesPerAgency ?? 1 + seed.Next(3);
            for (var i = 0; i < count; i++) agency.NameRepresentative(new RepresentativeInput(Person(seed), NationalId.WithCheckDigit(Digits(9)), "09" + Digits(9)), now);
        }
        await db.SaveChangesAsync(ct);

        foreach (var office in agencies.GroupBy(a => a.ReviewOfficeId))
            await TrainAsync(office.Key, office.ToList(), random, ct);
        foreach (var agency in agencies.Where(_ => random.Next(3) == 0))
            db.Add(new ToolDeployment(agency, (InformationTool)(1 + random.Next(4)), 1 + random.Next(10), new DateOnly(2018, 9, 1).AddDays(random.Next(60)), "system", now));
        await db.SaveChangesAsync(ct);
        await NoticesAsync(agencies, ct);
    }

    /// <summary>
    /// Each agency gets a training target (how many stages its representatives reached, later waves less far),
    /// attended in order at increasing dates.
    /// </summary>
    private async Task TrainAsync(int reviewOfficeId, List<Agency> agencies, Random random, CancellationToken ct)
    {
        var office = await db.OrgUnits.SingleAsync(u => u.Id == reviewOfficeId, ct);
        var reps = await db.Representatives.Include(r => r.Agency).Where(r => r.Agency.ReviewOfficeId == reviewOfficeId && r.RemovedAt == null).ToListAsync(ct);
        var start = new DateOnly(2018, 7, 1);
        var theory = TrainingSession.AtReviewOffice(office, TrainingStage.Theory, start, $"سالن آموزش {office.Name}", "کارشناس آموزش دفتر رسیدگی");
        var practical = TrainingSession.AtReviewOffice(office, TrainingStage.Practical, start.AddDays(14), $"{office.Name}، واحد پذیرش اسناد", "کارشناس ارشد دفتر رسیدگی");
        db.AddRange(theory, practical);
        foreach (var agency in agencies)
        {
            var target = random.Next(5) switch { 0 => 0, 1 => 1, 2 => 2, _ => 3 };
            var own = reps.Where(r => r.AgencyId == agency.Id).ToList();
            if (target == 0) continue;
            foreach (var rep in own) theory.Enrol(rep);
            if (target >= 2) foreach (var rep in own) practical.Enrol(rep);
            if (target == 3)
            {
                var supplementary = TrainingSession.AtAgency(office, agency, start.AddDays(30 + random.Next(20)), "کارشناس دفتر رسیدگی");
                db.Add(supplementary);
                foreach (var rep in own) supplementary.Enrol(rep);
            }
        }
        await db.SaveChangesAsync(ct);
        // Attendance is recorded once the enrolments have ids, through the same rule that checks the order of stages.
        var history = new Dictionary<int, List<(TrainingStage, DateOnly)>>();
        var sessions = await db.TrainingSessions.Include(s => s.Attendees).ThenInclude(a => a.Representative).Where(s => s.ReviewOfficeId == reviewOfficeId).OrderBy(s => s.Stage).ThenBy(s => s.Date).ToListAsync(ct);
        foreach (var session in sessions)
            foreach (var attendance in session.Attendees.ToList())
            {
                var past = history.TryGetValue(attendance.RepresentativeId, out var h) ? h : history[attendance.RepresentativeId] = [];
                session.Record(attendance.RepresentativeId, true, TrainingResult.Passed, past, JalaliDate.Today(clock).ToDateOnly());
                past.Add((session.Stage, session.Date));
            }
        await db.SaveChangesAsync(ct);
    }

    private static string Person(Random r)
    {
        var first = r.Next(2) == 0 ? PersianNames.MaleFirstNames : PersianNames.FemaleFirstNames;
        return $"{first[r.Next(first.Length)]} {PersianNames.LastNames[r.Next(PersianNames.LastNames.Length)]}";
    }

    /// <summary>A few managers replaced in the demo provinces, so the treatment directorates' inboxes are not empty.</summary>
    private async Task NoticesAsync(List<Agency> agencies, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = agencies.Where(a => DemoSeeder.DemoProvinces.Contains(a.Province!.Code)).Skip(2).Take(6).ToList();
        var offices = await db.OrgUnits.Where(u => changed.Select(a => a.ReviewOfficeId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var seed = new Random(99);
        foreach (var agency in changed)
        {
            var form = AgencyProfileForm.From(agency);
            form.ManagerName = Person(seed);
            form.ManagerNationalId = NationalId.WithCheckDigit(seed.Next(100_000_000, 999_999_999).ToString());
            form.ManagerMobile = "0912" + seed.Next(1_000_000, 9_999_999);
            var (profile, _) = form.Validate(JalaliDate.Today(clock).ToDateOnly());
            // Recorded by the province's general office, as a real change is, effective on a day its clerk would enter:
            // the first of a month, or the day the new manager started, a few days before or after it was recorded.
            var at = now.AddDays(-seed.Next(1, 20));
            var by = DemoSeeder.Accounts.First(a => a.Role == Roles.GeneralOffice && a.UnitCode == $"GO-{agency.Province!.Code}-1").UserName;
            var effective = JalaliDate.FromInstant(at).AddDays(seed.Next(-10, 6)).ToDateOnly();
            agency.Update(profile!, offices[agency.ReviewOfficeId], new ChangeStamp(by, at, effective));
        }
        await db.SaveChangesAsync(ct);
    }
}
