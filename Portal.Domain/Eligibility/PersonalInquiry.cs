using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Domain.Sms;

namespace Portal.Domain.Eligibility;

public enum StartStatus { CodeSent = 1, Mismatch, Invalid, Limited, SmsFailed }

/// <summary>The start step's outcome: a challenge to answer with the code, the mismatch message, field errors, or a refusal.</summary>
public sealed record PersonalStart(StartStatus Status, Guid? Challenge = null, DateTimeOffset? ExpiresAt = null, string? Message = null,
    IReadOnlyDictionary<string, string>? Errors = null, TimeSpan? RetryAfter = null);

public enum VerifyStatus { Answered = 1, Invalid, WrongCode, Expired, TooManyAttempts }

/// <summary>What the insured person is told (seed 002 §b): covered or not, until when, and the tracking code.</summary>
public sealed record PersonalAnswer(bool Covered, DateOnly? EndsOn, string TrackingCode, bool ServedUnderManualRules);

public sealed record PersonalVerify(VerifyStatus Status, PersonalAnswer? Answer = null, string? Message = null, int AttemptsLeft = 0);

/// <summary>
/// The personal inquiry (seed 002 §b): the insured person gives a national ID and a mobile; when the mobile is registered
/// to that ID a one-time code goes to it, and the code buys one answer (status, end date, tracking code), logged like
/// every inquiry. An unknown ID and a mobile that does not match get the same words after the same lookup, and the
/// start step takes at least <see cref="PersonalInquiryOptions.MinimumStartTime"/> whatever the outcome.
/// Logs never carry a national ID or a mobile in clear.
/// </summary>
public sealed class PersonalInquiry(IDbContextFactory<PortalDbContext> factory, EligibilityDesk desk, ISmsSender sms, PersonalInquiryOptions options,
    IPersonalInquiryLimiter limiter, TimeProvider clock, ILogger<PersonalInquiry> logger)
{
    public const string RequesterName = "personal";

    /// <summary>Every answer carries it (seed 002): the inpatient check is still done separately.</summary>
    public static string InpatientNote => Messages.Get("Personal.InpatientNote");

    /// <summary>For sons of 19+ and daughters the service cannot confirm yet (seed 002 note 5).</summary>
    public static string ManualRulesNote => Messages.Get("Personal.ManualRulesNote");

    public static string MismatchMessage => Messages.Get("Personal.Mismatch");

    /// <summary>The seed's two words: «حمایت درمانی دارد» / «حمایت درمانی ندارد».</summary>
    public static string StatusText(bool covered) => Messages.Get(covered ? "Personal.Covered" : "Personal.NotCovered");

    public PersonalInquiryOptions Options => options;

    public async Task<PersonalStart> StartAsync(string? nationalId, string? mobile, CancellationToken ct = default)
    {
        var id = EligibilityDesk.CheckId(nationalId);
        var phone = Mobile.Check(mobile);
        if (!id.IsValid || !phone.IsValid)
        {
            var errors = new Dictionary<string, string>();
            if (!id.IsValid) errors["NationalId"] = id.Error!;
            if (!phone.IsValid) errors["Mobile"] = phone.Error!;
            return new PersonalStart(StartStatus.Invalid, Message: errors.Values.First(), Errors: errors);
        }
        if (!limiter.TryAcquire(id.Value!, phone.Value!, out var retryAfter))
        {
            logger.LogInformation("Personal inquiry refused by the per-ID or per-mobile limit for {NationalId}", Mask(id.Value!));
            return new PersonalStart(StartStatus.Limited, Message: Messages.Get("Personal.Limited"), RetryAfter: retryAfter);
        }

        var started = clock.GetTimestamp();
        try
        {
            return await StartCheckedAsync(id.Value!, phone.Value!, ct);
        }
        finally
        {
            await FloorAsync(started);
        }
    }

    private async Task<PersonalStart> StartCheckedAsync(string nationalId, string mobile, CancellationToken ct)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        // One indexed read, the same whether the ID is unknown or the mobile is not its own.
        if (!await IsRegistered(db, nationalId, mobile, ct))
        {
            logger.LogInformation("Personal inquiry: mobile {Mobile} does not match {NationalId}", Mask(mobile), Mask(nationalId));
            return new PersonalStart(StartStatus.Mismatch, Message: MismatchMessage);
        }
        var (challenge, code) = OtpChallenge.Create(nationalId, mobile, clock.GetUtcNow(), options.CodeLifetime);
        db.OtpChallenges.Add(challenge);
        await db.SaveChangesAsync(ct);
        try
        {
            await sms.SendAsync(mobile, SmsText(code), ct);
        }
        catch (SmsNotSentException e)
        {
            logger.LogWarning(e, "Personal inquiry: the code to {Mobile} could not be sent", Mask(mobile));
            return new PersonalStart(StartStatus.SmsFailed, Message: Messages.Get("Personal.SmsFailed"));
        }
        logger.LogInformation("Personal inquiry: code sent to {Mobile}", Mask(mobile));
        return new PersonalStart(StartStatus.CodeSent, challenge.Id, challenge.ExpiresAt);
    }

    /// <summary>Waits out what is left of the minimum start time; never cancelled, so a dropped request cannot answer sooner.</summary>
    private async Task FloorAsync(long started)
    {
        var left = options.MinimumStartTime - clock.GetElapsedTime(started);
        if (left > TimeSpan.Zero) await Task.Delay(left, clock);
    }

    /// <summary>The SMS, always in Persian (the insured person's language), with the code in Latin digits so phones offer to fill it in.</summary>
    private string SmsText(string code) =>
        string.Format(CultureInfo.InvariantCulture, Messages.ResourceManager.GetString("Personal.SmsText", CultureInfo.InvariantCulture)!,
            code, TextNormalizer.ToPersianDigits(((int)Math.Ceiling(options.CodeLifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture)));

    public async Task<PersonalVerify> VerifyAsync(string? challenge, string? code, InquiryChannel channel, CancellationToken ct = default)
    {
        var digits = TextNormalizer.DigitsOnly(code);
        if (digits.Length == 0) return new PersonalVerify(VerifyStatus.Invalid, Message: Messages.Get("Personal.CodeRequired"));
        if (digits.Length != OtpChallenge.CodeLength || !TextNormalizer.IsAsciiDigits(digits))
            return new PersonalVerify(VerifyStatus.Invalid, Message: Messages.Get("Personal.CodeFormat"));
        if (!Guid.TryParse(challenge, out var handle)) return Expired();

        for (var attempt = 0; ; attempt++)
        {
            await using var db = PortalDb.Open(factory, Actor.System);
            var found = await db.OtpChallenges.SingleOrDefaultAsync(c => c.Id == handle, ct);
            if (found is null) return Expired();
            var check = found.Offer(digits, clock.GetUtcNow(), options.MaxAttempts);
            if (check == CodeCheck.Expired) return Expired();
            if (db.ChangeTracker.HasChanges())
            {
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException) when (attempt < 3)
                {
                    continue; // another try on the same challenge got there first: count this one on the fresh row
                }
            }
            switch (check)
            {
                case CodeCheck.Wrong:
                    var left = found.AttemptsLeft(options.MaxAttempts);
                    return new PersonalVerify(VerifyStatus.WrongCode, Message: Messages.Format("Personal.WrongCode",
                        TextNormalizer.ToPersianDigits(left.ToString(CultureInfo.InvariantCulture))), AttemptsLeft: left);
                case CodeCheck.TooManyAttempts:
                    logger.LogInformation("Personal inquiry: a challenge was locked after {Attempts} wrong codes", options.MaxAttempts);
                    return new PersonalVerify(VerifyStatus.TooManyAttempts, Message: Messages.Get("Personal.TooManyAttempts"));
            }
            var (inquiry, decision) = await desk.AnswerAsync(found.NationalId, InquiryKind.Personal, channel, new Requester(RequesterName, null, null), ct);
            return new PersonalVerify(VerifyStatus.Answered,
                new PersonalAnswer(decision.Covered, decision.EndsOn, inquiry.TrackingCode, decision.ServedUnderManualRules));
        }
    }

    /// <summary>
    /// Deletes challenges that expired more than a day before <paramref name="now"/>: they hold a national ID and a
    /// mobile, and once spent serve nothing. Run by the host each hour; returns how many went.
    /// </summary>
    public static Task<int> PurgeSpentChallengesAsync(PortalDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var before = now.AddDays(-1);
        return db.OtpChallenges.Where(c => c.ExpiresAt < before).ExecuteDeleteAsync(ct);
    }

    private static PersonalVerify Expired() => new(VerifyStatus.Expired, Message: Messages.Get("Personal.CodeExpired"));

    /// <summary>A number as logs may show it: all but the last two digits hidden.</summary>
    public static string Mask(string digits) => digits.Length <= 2 ? new string('*', digits.Length) : new string('*', digits.Length - 2) + digits[^2..];

    private static readonly Func<PortalDbContext, string, string, CancellationToken, Task<bool>> IsRegistered = EF.CompileAsyncQuery(
        (PortalDbContext db, string nationalId, string mobile, CancellationToken _) =>
            // By the unique national-ID index, then the mobiles' key (person, mobile).
            db.InsuredPersons.Where(p => p.NationalId == nationalId).Any(p => db.RegisteredMobiles.Any(m => m.PersonId == p.Id && m.Mobile == mobile)));
}
