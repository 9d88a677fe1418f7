using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;

namespace Portal.Tests.Eligibility;

/// <summary>The general inquiry's API contract: a centre's key, the answer's exact shape, its log row, and the status codes.</summary>
public sealed class EligibilityApiTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private string _key = "";

    public async Task InitializeAsync()
    {
        await portal.SeededAsync();
        _key = await (await portal.AsAsync<InquiryApiKeys>("kerman.treatment")).IssueAsync("MC-08-01");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Client(string? key)
    {
        var client = portal.Client();
        if (key is not null) client.DefaultRequestHeaders.Add(InquiryApiKey.Header, key);
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task ACoveredPerson_IsAnsweredWithStatusTrackingCodeAndTheInpatientNote_Only_AndLogged()
    {
        var person = await EligibilityArrange.MainInsuredAsync(portal);

        var response = await Client(_key).PostAsJsonAsync("/api/v1/eligibility/general", new { nationalId = TextNormalizer.ToPersianDigits(person.NationalId) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["covered", "status", "trackingCode", "note"], body.EnumerateObject().Select(p => p.Name));
        Assert.True(body.GetProperty("covered").GetBoolean());
        Assert.Equal("حمایت درمانی دارد", body.GetProperty("status").GetString());
        Assert.Contains("بستری", body.GetProperty("note").GetString());
        var code = body.GetProperty("trackingCode").GetString()!;
        Assert.True(TrackingCode.Check(code).IsValid);
        await using var db = Acting.SystemDb(portal);
        var logged = await db.Inquiries.SingleAsync(Inquiry.WithCode(code));
        var centre = await db.OrgUnits.Where(u => u.Code == "MC-08-01").Select(u => new { u.Id, u.ProvinceId }).SingleAsync();
        Assert.Equal((InquiryKind.General, InquiryChannel.Api, person.NationalId, true, (int?)centre.Id, centre.ProvinceId),
            (logged.Kind, logged.Channel, logged.NationalId, logged.Covered, logged.CentreId, logged.ProvinceId));
        Assert.StartsWith("api:elg_", logged.Requester);
    }

    [Fact]
    public async Task Inquiry_UnknownNationalId_IsAnsweredExactlyLikeNoCoverage()
    {
        var uncovered = await EligibilityArrange.MainInsuredAsync(portal, lastMonthDays: 29);

        var known = await JsonAsync(await Client(_key).PostAsJsonAsync("/api/v1/eligibility/general", new { nationalId = uncovered.NationalId }));
        var unknown = await JsonAsync(await Client(_key).PostAsJsonAsync("/api/v1/eligibility/general", new { nationalId = EligibilityArrange.NewNationalId() }));

        string Shape(JsonElement e) => string.Join(",", e.EnumerateObject().Where(p => p.Name != "trackingCode").Select(p => $"{p.Name}={p.Value}"));
        Assert.Equal(Shape(known), Shape(unknown));
        Assert.Contains("status=حمایت درمانی ندارد", Shape(unknown));
    }

    [Fact]
    public async Task AnInvalidNationalId_Is400InPersian_BeforeAnyLookupOrLogRow()
    {
        await using var db = Acting.SystemDb(portal);
        var before = await db.Inquiries.CountAsync();

        var response = await Client(_key).PostAsJsonAsync("/api/v1/eligibility/general", new { nationalId = "0012345678" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("رقم کنترل", (await JsonAsync(response)).GetProperty("error").GetString());
        Assert.Equal(before, await db.Inquiries.CountAsync());
    }

    [Fact]
    public async Task NoKey_AWrongKey_OrARevokedKey_Is401()
    {
        var person = await EligibilityArrange.MainInsuredAsync(portal);
        var keys = await portal.AsAsync<InquiryApiKeys>("kerman.treatment");
        var revoked = await keys.IssueAsync("MC-08-01");
        Assert.Equal(HttpStatusCode.OK, (await Client(revoked).PostAsJsonAsync("/api/v1/eligibility/general", new { nationalId = person.NationalId })).StatusCode);
        await keys.RevokeAsync((await keys.ListAsync()).First(k => revoked.StartsWith(k.Prefix)).Id);

        foreach (var key in new[] { null, "elg_not-a-key", revoked })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client(key).PostAsJsonAsync("/api/v1/eligibility/general", new { nationalId = person.NationalId })).StatusCode);
    }

    [Fact]
    public async Task Inquiry_FhirForm_AnswersACoverageEligibilityResponse()
    {
        var person = await EligibilityArrange.MainInsuredAsync(portal);
        var request = new
        {
            resourceType = "CoverageEligibilityRequest", status = "active", purpose = new[] { "validation" },
            patient = new { identifier = new { system = "https://www.tamin.ir/fhir/sid/national-id", value = person.NationalId } },
        };

        var response = await Client(_key).PostAsJsonAsync("/fhir/CoverageEligibilityRequest", request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        var body = await JsonAsync(response);
        Assert.Equal("CoverageEligibilityResponse", body.GetProperty("resourceType").GetString());
        Assert.Equal("complete", body.GetProperty("outcome").GetString());
        var insurance = body.GetProperty("insurance")[0];
        Assert.True(insurance.GetProperty("inforce").GetBoolean());
        var end = JalaliDate.Today(TimeProvider.System).YearMonth.Last.ToDateOnly();
        Assert.Equal(end.ToString("yyyy-MM-dd"), insurance.GetProperty("benefitPeriod").GetProperty("end").GetString());
        var code = body.GetProperty("identifier")[0].GetProperty("value").GetString()!;
        Assert.True(TrackingCode.Check(code).IsValid);
        Assert.StartsWith("حمایت درمانی دارد", body.GetProperty("disposition").GetString());
        await using var db = Acting.SystemDb(portal);
        Assert.Equal(InquiryChannel.Fhir, await db.Inquiries.Where(Inquiry.WithCode(code)).Select(i => i.Channel).SingleAsync());

        var bad = await Client(_key).PostAsJsonAsync("/fhir/CoverageEligibilityRequest", new { resourceType = "Patient" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("OperationOutcome", (await JsonAsync(bad)).GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task ApplicationLog_AfterInquiries_NeverPrintsTheNationalId()
    {
        var person = await EligibilityArrange.MainInsuredAsync(portal);
        var logs = new CapturingLoggerProvider();
        using var logged = portal.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var client = logged.CreateClient();
        client.DefaultRequestHeaders.Add(InquiryApiKey.Header, _key);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/eligibility/general", new { nationalId = person.NationalId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/fhir/CoverageEligibilityRequest",
            new { resourceType = "CoverageEligibilityRequest", patient = new { identifier = new { value = person.NationalId } } })).StatusCode);

        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(person.NationalId));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Capture(Messages);
        public void Dispose() { }

        private sealed class Capture(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + exception);
        }
    }
}

/// <summary>Over a key's limit the API answers 429 with Retry-After, in Persian.</summary>
public sealed class EligibilityLimitTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new() { Settings = { ["Eligibility:Limits:PerKeyPerSecond"] = "3" } };

    public async Task InitializeAsync() => await _portal.SeededAsync();

    public Task DisposeAsync()
    {
        _portal.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OverTheKeysLimit_Is429_WithRetryAfter()
    {
        var key = await (await _portal.AsAsync<InquiryApiKeys>("kerman.treatment")).IssueAsync("MC-08-01");
        var client = _portal.Client();
        client.DefaultRequestHeaders.Add(InquiryApiKey.Header, key);
        var id = EligibilityArrange.NewNationalId();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) statuses.Add(await client.PostAsJsonAsync("/api/v1/eligibility/general", new { nationalId = id }));

        var refused = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Contains("بیشتر", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, statuses[0].StatusCode);
    }
}
