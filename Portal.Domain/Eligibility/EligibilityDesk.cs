using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>Who is asking: a user or an API key, the medical centre it belongs to, and that centre's province.</summary>
public sealed record Requester(string Name, int? CentreId, int? ProvinceId);

/// <summary>
/// The general inquiry's answer (seed 002 §a): covered or not, and the tracking code. The end date is for the FHIR form,
/// whose <c>benefitPeriod</c> carries it; the plain answer discloses nothing else.
/// </summary>
public sealed record GeneralAnswer(bool Covered, string TrackingCode, DateOnly? EndsOn);

/// <summary>
/// The eligibility inquiry (seed 002): reads one person's facts by national ID (and their principal's and the paying
/// main insured's premium months), applies <see cref="EligibilityPolicy"/> on today's Tehran date, takes a tracking
/// code and logs the inquiry before answering. This is the portal's hot path: two or three indexed reads, no tracking.
/// </summary>
public sealed class EligibilityDesk(IDbContextFactory<PortalDbContext> factory, EligibilityPolicy policy, TrackingCodes codes, InquiryLog log, TimeProvider clock)
{
    /// <summary>The general inquiry; an unknown number is answered exactly like "not covered".</summary>
    public async Task<Checked<GeneralAnswer>> GeneralAsync(string? nationalId, InquiryChannel channel, Requester requester, CancellationToken ct = default)
    {
        var id = CheckId(nationalId);
        if (!id.IsValid) return Checked<GeneralAnswer>.Fail(id.Error!);
        var (inquiry, decision) = await AnswerAsync(id.Value!, InquiryKind.General, channel, requester, ct);
        return Checked<GeneralAnswer>.Ok(new GeneralAnswer(decision.Covered, inquiry.TrackingCode, decision.EndsOn));
    }

    /// <summary>A national ID (10 digits, check digit) or a foreign national's number (12 digits), in ASCII digits.</summary>
    public static Checked<string> CheckId(string? input)
    {
        var digits = TextNormalizer.DigitsOnly(input);
        if (digits.Length == InsuredPerson.ForeignNumberLength && TextNormalizer.IsAsciiDigits(digits)) return Checked<string>.Ok(digits);
        return NationalId.Check(digits);
    }

    /// <summary>Decides for the (already validated) number, logs the inquiry, and returns both.</summary>
    internal async Task<(Inquiry Inquiry, CoverageDecision Decision)> AnswerAsync(string nationalId, InquiryKind kind, InquiryChannel channel,
        Requester requester, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (today, date) = TodayAt(now);
        var (decision, person) = await DecideAsync(nationalId, date, ct);
        var province = kind == InquiryKind.Personal && person is not null ? person.ProvinceId : requester.ProvinceId;
        var inquiry = new Inquiry(await codes.NextAsync(ct), now, today.Year * 10_000 + today.Month * 100 + today.Day, kind, channel, requester.Name,
            requester.CentreId, province, person?.BranchId, nationalId, decision);
        await log.RecordAsync(inquiry, ct);
        return (inquiry, decision);
    }

    // Tehran's date for an instant costs microseconds of astronomy: it is worked out once a day.
    private sealed record Today(DateTimeOffset From, DateTimeOffset Until, JalaliDate Jalali, DateOnly Date);
    private Today? _today;

    private (JalaliDate Jalali, DateOnly Date) TodayAt(DateTimeOffset now)
    {
        if (_today is { } known && now >= known.From && now < known.Until) return (known.Jalali, known.Date);
        var day = JalaliDate.FromInstant(now);
        var date = day.ToDateOnly();
        _today = new Today(Tehran.StartOfDay(date), Tehran.StartOfDay(date.AddDays(1)), day, date);
        return (day, date);
    }

    public sealed record PersonRow(long Id, CoverageFacts Facts, long? PrincipalId, int BranchId, int? ProvinceId);

    /// <summary>The decision for a number on a day, and the person when known (the staff pages show the reason too).</summary>
    public async Task<(CoverageDecision Decision, PersonRow? Person)> DecideAsync(string nationalId, DateOnly on, CancellationToken ct = default)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var person = await PersonAsync(connection, "p.\"NationalId\" = @key", nationalId, ct);
        if (person is null) return (CoverageDecision.No(CoverageReason.Unknown), null);
        var principal = person.PrincipalId is { } principalId ? await PersonAsync(connection, "p.\"Id\" = @key", principalId, ct) : null;
        var payer = principal ?? person;
        var premiums = payer.Facts.Relation == InsuranceRelation.MainInsured ? await PremiumsAsync(connection, payer.Id, policy.WindowStart(on).Key, ct) : [];
        return (policy.Decide(person.Facts, principal?.Facts, premiums, on), person);
    }

    // The hot path reads by hand on the context's connection: measured in-process on a million persons, EF's query
    // pipeline cost several times the reads themselves (bench/eligibility.sh). Tables and columns are the model's
    // (EligibilityConfiguration), which the tests exercise on SQLite and PostgreSQL.
    private static async Task<PersonRow?> PersonAsync(DbConnection connection, string where, object key, CancellationToken ct)
    {
        await using var command = Command(connection, $"""
            SELECT p."Id", p."Relation", p."Sex", p."BirthDate", p."PensionActive", p."EnrolmentValidUntil", p."BirthCertificateOnFile",
                   p."PrincipalId", p."BranchId", (SELECT u."ProvinceId" FROM "OrgUnits" u WHERE u."Id" = p."BranchId")
            FROM "InsuredPersons" p WHERE {where}
            """, key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var facts = new CoverageFacts((InsuranceRelation)reader.GetInt32(1), (Sex)reader.GetInt32(2), reader.GetFieldValue<DateOnly>(3), reader.GetBoolean(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5), reader.GetBoolean(6));
        return new PersonRow(reader.GetInt64(0), facts, reader.IsDBNull(7) ? null : reader.GetInt64(7), reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetInt32(9));
    }

    private static async Task<List<PaidMonth>> PremiumsAsync(DbConnection connection, long personId, int from, CancellationToken ct)
    {
        await using var command = Command(connection, """SELECT "Period", "PaidDays" FROM "PremiumMonths" WHERE "PersonId" = @key AND "Period" >= @from""", personId);
        var since = command.CreateParameter();
        (since.ParameterName, since.Value) = ("@from", from);
        command.Parameters.Add(since);
        var months = new List<PaidMonth>(16);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) months.Add(new PaidMonth(reader.GetInt32(0), reader.GetInt32(1)));
        return months;
    }

    private static DbCommand Command(DbConnection connection, string sql, object key)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("@key", key);
        command.Parameters.Add(parameter);
        return command;
    }
}
