using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Eligibility;
using Portal.Domain.Sms;
using Portal.Hosting;
using Portal.Features.Eligibility;

namespace Portal.Tests.Eligibility;

/// <summary>The personal inquiry through its service on the real app's database: code by SMS, answer, log, refusals.</summary>
public sealed class PersonalInquiryTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly CapturingLogger _log = new();

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private PersonalInquiry Service(PersonalInquiryOptions? options = null, IPersonalInquiryLimiter? limiter = null, IDbContextFactory<PortalDbContext>? factory = null,
        ISmsSender? sms = null)
    {
        options ??= new PersonalInquiryOptions();
        var args = new List<object> { options, limiter ?? new PersonalInquiryLimiter(options), _clock, _log };
        if (factory is not null) args.Add(factory);
        if (sms is not null) args.Add(sms);
        return ActivatorUtilities.CreateInstance<PersonalInquiry>(portal.Services, [.. args]);
    }

    [Fact]
    public async Task MatchingMobile_GetsACodeBySms_AndTheCodeAnswersCoveredWithJalaliEndDateAndTrackingCode_LoggedAsPersonal()
    {
        using var _ = CultureScope.Persian();
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(portal);
        var inquiry = Service();

        // Typed with Persian digits and the country code: normalised before anything else.
        var start = await inquiry.StartAsync(TextNormalizer.ToPersianDigits(nationalId), "+98 " + TextNormalizer.ToPersianDigits(mobile[1..]));

        Assert.Equal(StartStatus.CodeSent, start.Status);
        var sms = await PersonalPeople.LastSmsAsync(portal, mobile);
        Assert.Contains("کد تأیید استعلام استحقاق درمان", sms);
        var result = await inquiry.VerifyAsync(start.Challenge.ToString(), PersonalPeople.CodeIn(sms), InquiryChannel.Web);

        Assert.Equal(VerifyStatus.Answered, result.Status);
        var answer = result.Answer!;
        Assert.True(answer.Covered);
        Assert.Equal(JalaliDate.Today(TimeProvider.System).YearMonth.Last.ToDateOnly(), answer.EndsOn);
        Assert.True(TrackingCode.Check(answer.TrackingCode).IsValid);
        Assert.Equal("حمایت درمانی دارد", PersonalInquiry.StatusText(answer.Covered));
        Assert.Contains("بستری", PersonalInquiry.InpatientNote);
        await using var db = Acting.SystemDb(portal);
        var logged = await db.Inquiries.SingleAsync(Inquiry.WithCode(answer.TrackingCode));
        Assert.Equal((InquiryKind.Personal, InquiryChannel.Web, "personal", nationalId, true), (logged.Kind, logged.Channel, logged.Requester, logged.NationalId, logged.Covered));
        // The application log never carries the number or the mobile in clear.
        Assert.NotEmpty(_log.Lines);
        Assert.DoesNotContain(_log.Lines, l => l.Contains(nationalId) || l.Contains(mobile) || l.Contains(mobile[1..]));
    }

    [Fact]
    public async Task UnknownId_AndAMobileNotRegisteredToTheId_GetTheSameSeedWords_AndNoSms()
    {
        using var _ = CultureScope.Persian();
        var (nationalId, _) = await PersonalPeople.CoveredAsync(portal);
        var (otherMobile, unknownMobile) = (PersonalPeople.NewMobile(), PersonalPeople.NewMobile());
        var inquiry = Service();

        var mismatch = await inquiry.StartAsync(nationalId, otherMobile);
        var unknown = await inquiry.StartAsync(PersonalPeople.NewNationalId(), unknownMobile);

        Assert.Equal((StartStatus.Mismatch, StartStatus.Mismatch), (mismatch.Status, unknown.Status));
        Assert.Equal(mismatch.Message, unknown.Message);
        Assert.Equal("کد ملی با شماره همراه مطابقت ندارد؛ برای ثبت‌نام و احراز هویت با شماره همراه به یکی از شعب سازمان مراجعه کنید.", mismatch.Message);
        Assert.Null(mismatch.Challenge);
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.SmsMessages.AnyAsync(m => m.Mobile == otherMobile || m.Mobile == unknownMobile));
        Assert.False(await db.OtpChallenges.AnyAsync(c => c.Mobile == otherMobile || c.Mobile == unknownMobile));
    }

    [Fact]
    public async Task StartStep_WaitsOutTheConfiguredMinimumTime_WhateverTheOutcome()
    {
        // The clock lets no time pass, so each answered start must ask it for the whole floor.
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(portal);
        var inquiry = Service(new PersonalInquiryOptions { MinimumStartTime = TimeSpan.FromMilliseconds(450) });

        await inquiry.StartAsync(nationalId, mobile);
        await inquiry.StartAsync(nationalId, PersonalPeople.NewMobile());
        await inquiry.StartAsync(PersonalPeople.NewNationalId(), PersonalPeople.NewMobile());

        Assert.Equal([TimeSpan.FromMilliseconds(450), TimeSpan.FromMilliseconds(450), TimeSpan.FromMilliseconds(450)], _clock.Delays);
    }

    [Fact]
    public async Task InvalidNationalIdOrMobile_IsRefusedWithAPersianFieldMessage_BeforeAnyLookup()
    {
        using var _ = CultureScope.Persian();
        var limiter = new CountingLimiter();
        var inquiry = Service(limiter: limiter, factory: new NoDatabase());

        var badId = await inquiry.StartAsync("1234567890", "09121234567");
        var badMobile = await inquiry.StartAsync("۰۰۱۲۳۴۵۶۷۸", "0812");

        Assert.Equal(StartStatus.Invalid, badId.Status);
        Assert.Equal("رقم کنترل کد ملی درست نیست.", badId.Errors!["NationalId"]);
        Assert.Equal(StartStatus.Invalid, badMobile.Status);
        Assert.Contains("شماره همراه", badMobile.Errors!["Mobile"]);
        Assert.Equal(0, limiter.Calls);
        Assert.Empty(_clock.Delays);
    }

    [Fact]
    public async Task WrongCodes_CountDown_AndTheFifthVoidsTheCode_EvenForTheRightOne()
    {
        using var _ = CultureScope.Persian();
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(portal);
        var inquiry = Service();
        var start = await inquiry.StartAsync(nationalId, mobile);
        var code = PersonalPeople.CodeIn(await PersonalPeople.LastSmsAsync(portal, mobile));
        var wrong = code == "000000" ? "111111" : "000000";

        var left = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var r = await inquiry.VerifyAsync(start.Challenge.ToString(), wrong, InquiryChannel.Web);
            Assert.Equal(VerifyStatus.WrongCode, r.Status);
            left.Add(r.AttemptsLeft);
        }
        var fifth = await inquiry.VerifyAsync(start.Challenge.ToString(), wrong, InquiryChannel.Web);
        var right = await inquiry.VerifyAsync(start.Challenge.ToString(), code, InquiryChannel.Web);

        Assert.Equal([4, 3, 2, 1], left);
        Assert.Equal(VerifyStatus.TooManyAttempts, fifth.Status);
        Assert.Equal(VerifyStatus.TooManyAttempts, right.Status);
        Assert.Contains("باطل شد", right.Message);
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.Inquiries.AnyAsync(i => i.NationalId == nationalId));
    }

    [Fact]
    public async Task ACode_ExpiresAfterItsLifetime_AndAnswersOnlyOnce()
    {
        using var _ = CultureScope.Persian();
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(portal);
        var inquiry = Service();
        var late = await inquiry.StartAsync(nationalId, mobile);
        var lateCode = PersonalPeople.CodeIn(await PersonalPeople.LastSmsAsync(portal, mobile));
        _clock.Now += TimeSpan.FromMinutes(3);

        var expired = await inquiry.VerifyAsync(late.Challenge.ToString(), lateCode, InquiryChannel.Web);

        Assert.Equal(VerifyStatus.Expired, expired.Status);
        Assert.Contains("منقضی", expired.Message);
        var start = await inquiry.StartAsync(nationalId, mobile);
        var code = PersonalPeople.CodeIn(await PersonalPeople.LastSmsAsync(portal, mobile));
        Assert.Equal(VerifyStatus.Answered, (await inquiry.VerifyAsync(start.Challenge.ToString(), code, InquiryChannel.Web)).Status);
        Assert.Equal(VerifyStatus.Expired, (await inquiry.VerifyAsync(start.Challenge.ToString(), code, InquiryChannel.Web)).Status);
        Assert.Equal(VerifyStatus.Expired, (await inquiry.VerifyAsync(Guid.NewGuid().ToString(), code, InquiryChannel.Web)).Status);
        Assert.Equal(VerifyStatus.Invalid, (await inquiry.VerifyAsync(start.Challenge.ToString(), "12345", InquiryChannel.Web)).Status);
    }

    [Fact]
    public async Task SpentCodes_AreDeletedADayAfterTheyExpire_AndFreshOnesAreKept()
    {
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(portal);
        var inquiry = Service();
        var old = await inquiry.StartAsync(nationalId, mobile);
        _clock.Now += TimeSpan.FromDays(1) + TimeSpan.FromMinutes(10);
        var fresh = await inquiry.StartAsync(nationalId, mobile);
        await using var db = Acting.SystemDb(portal);

        var purged = await PersonalInquiry.PurgeSpentChallengesAsync(db, _clock.Now);

        Assert.True(purged >= 1);
        Assert.False(await db.OtpChallenges.AnyAsync(c => c.Id == old.Challenge));
        Assert.True(await db.OtpChallenges.AnyAsync(c => c.Id == fresh.Challenge));
        Assert.Equal(VerifyStatus.Expired, (await inquiry.VerifyAsync(old.Challenge.ToString(), "123456", InquiryChannel.Web)).Status);
    }

    [Fact]
    public async Task CodesPerNationalId_AndPerMobile_AreLimited_WithoutSendingMore()
    {
        using var _ = CultureScope.Persian();
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(portal);
        var inquiry = Service(new PersonalInquiryOptions { PerNationalIdPermits = 2, PerMobilePermits = 3 });

        var byId = new List<StartStatus>();
        for (var i = 0; i < 3; i++) byId.Add((await inquiry.StartAsync(nationalId, mobile)).Status);
        // Another number with the same mobile: the mobile's third permit, then its limit.
        var sameMobile = await inquiry.StartAsync(PersonalPeople.NewNationalId(), mobile);
        var limited = await inquiry.StartAsync(PersonalPeople.NewNationalId(), mobile);

        Assert.Equal([StartStatus.CodeSent, StartStatus.CodeSent, StartStatus.Limited], byId);
        Assert.Equal(StartStatus.Mismatch, sameMobile.Status);
        Assert.Equal(StartStatus.Limited, limited.Status);
        Assert.True(limited.RetryAfter > TimeSpan.Zero);
        Assert.Contains("چند دقیقه", limited.Message);
        await using var db = Acting.SystemDb(portal);
        Assert.Equal(2, await db.SmsMessages.CountAsync(m => m.Mobile == mobile));
    }

    [Fact]
    public async Task ADaughterWithoutHerBirthCertificate_IsNotCovered_AndToldAboutTheManualRules()
    {
        var (nationalId, mobile) = await PersonalPeople.DaughterAsync(portal);
        var inquiry = Service();

        var start = await inquiry.StartAsync(nationalId, mobile);
        var result = await inquiry.VerifyAsync(start.Challenge.ToString(), PersonalPeople.CodeIn(await PersonalPeople.LastSmsAsync(portal, mobile)), InquiryChannel.Api);

        Assert.False(result.Answer!.Covered);
        Assert.Null(result.Answer.EndsOn);
        Assert.True(result.Answer.ServedUnderManualRules);
    }

    [Fact]
    public async Task AnSmsThatCannotBeSent_IsSaidInPersian_WithoutTheMobileInTheLog()
    {
        using var _ = CultureScope.Persian();
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(portal);

        var start = await Service(sms: new DownOperator()).StartAsync(nationalId, mobile);

        Assert.Equal(StartStatus.SmsFailed, start.Status);
        Assert.Contains("پیامک", start.Message);
        Assert.DoesNotContain(_log.Lines, l => l.Contains(mobile) || l.Contains(nationalId));
    }

    private sealed class DownOperator : ISmsSender
    {
        public Task SendAsync(string mobile, string text, CancellationToken ct = default) => throw new SmsNotSentException("The SMS gateway answered 502.");
    }

    private sealed class CountingLimiter : IPersonalInquiryLimiter
    {
        public int Calls { get; private set; }

        public bool TryAcquire(string nationalId, string mobile, out TimeSpan retryAfter)
        {
            Calls++;
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    private sealed class NoDatabase : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => throw new InvalidOperationException("Looked up before validating.");
    }
}

/// <summary>Insured persons for the personal-inquiry tests (the demo seed has none): fresh numbers each time.</summary>
internal static class PersonalPeople
{
    public static string NewNationalId()
    {
        while (true)
        {
            var id = NationalId.WithCheckDigit(Random.Shared.Next(10_000_000, 999_999_999).ToString("000000000"));
            if (NationalId.IsValid(id)) return id;
        }
    }

    public static string NewMobile() => "0912" + Random.Shared.Next(0, 10_000_000).ToString("0000000");

    private static async Task<int> BranchIdAsync(PortalDbContext db) =>
        await db.OrgUnits.Where(u => u.Code == "BR-08-01").Select(u => u.Id).SingleAsync();

    /// <summary>A main insured with the last three months paid, and a mobile registered to them.</summary>
    public static async Task<(string NationalId, string Mobile)> CoveredAsync(PortalFactory portal)
    {
        await using var db = Acting.SystemDb(portal);
        var person = MainInsured(await BranchIdAsync(db));
        var mobile = NewMobile();
        person.RegisterMobile(mobile);
        db.InsuredPersons.Add(person);
        await db.SaveChangesAsync();
        return (person.NationalId, mobile);
    }

    /// <summary>A covered main insured's daughter of 20 whose birth certificate is not on file, with her own mobile.</summary>
    public static async Task<(string NationalId, string Mobile)> DaughterAsync(PortalFactory portal)
    {
        await using var db = Acting.SystemDb(portal);
        var branch = await BranchIdAsync(db);
        var father = MainInsured(branch);
        var daughter = new InsuredPerson(NewNationalId(), "مریم", "کرمانی", DateOnly.FromDateTime(DateTime.Today.AddYears(-20)), Sex.Female,
            InsuranceRelation.Daughter, branch, father);
        var mobile = NewMobile();
        daughter.RegisterMobile(mobile);
        db.InsuredPersons.AddRange(father, daughter);
        await db.SaveChangesAsync();
        return (daughter.NationalId, mobile);
    }

    private static InsuredPerson MainInsured(int branch)
    {
        var person = new InsuredPerson(NewNationalId(), "علی", "رضایی", new DateOnly(1985, 5, 1), Sex.Male, InsuranceRelation.MainInsured, branch);
        var month = JalaliDate.Today(TimeProvider.System).YearMonth;
        for (var i = 1; i <= 3; i++) person.PayPremium(month.AddMonths(-i), 30);
        return person;
    }

    public static async Task<string> LastSmsAsync(PortalFactory portal, string mobile)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.SmsMessages.Where(m => m.Mobile == mobile).OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync();
    }

    public static string CodeIn(string sms) => Regex.Match(sms, @"\b\d{6}\b").Value;
}

/// <summary>A clock that moves only when told and lets no time pass between two readings; records every delay asked of it.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public List<TimeSpan> Delays { get; } = [];

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override long GetTimestamp() => 0;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (Delays) Delays.Add(dueTime);
        ThreadPool.QueueUserWorkItem(_ => callback(state)); // fires at once: nothing in these tests waits for real
        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Keeps every formatted log line of the personal inquiry.</summary>
internal sealed class CapturingLogger : ILogger<PersonalInquiry>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines) Lines.Add(formatter(state, exception) + " " + state);
    }
}
