using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Eligibility;

namespace Portal.Tests.Eligibility;

/// <summary>The personal inquiry's JSON API as a client sees it: no account, two steps, Persian messages.</summary>
public sealed class PersonalInquiryEndpointsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Start = "/api/v1/eligibility/personal";
    private const string Verify = "/api/v1/eligibility/personal/verify";

    [Fact]
    public async Task StartThenVerify_Answers202WithAChallenge_Then200WithStatusJalaliEndDateTrackingCodeAndInpatientNote()
    {
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(portal);
        var client = portal.Client();

        var started = await client.PostAsJsonAsync(Start, new { nationalId, mobile });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var challenge = await Json(started);
        Assert.Equal("codeSent", challenge.GetProperty("status").GetString());
        Assert.Equal(180, challenge.GetProperty("expiresInSeconds").GetInt32());
        var code = PersonalPeople.CodeIn(await PersonalPeople.LastSmsAsync(portal, mobile));
        var answered = await client.PostAsJsonAsync(Verify, new { challenge = challenge.GetProperty("challenge").GetString(), code });

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var answer = await Json(answered);
        Assert.True(answer.GetProperty("covered").GetBoolean());
        Assert.Equal("حمایت درمانی دارد", answer.GetProperty("status").GetString());
        Assert.Matches(new Regex(@"^1[34]\d\d/\d\d/\d\d$"), answer.GetProperty("endsOn").GetString());
        Assert.Contains("بستری", answer.GetProperty("inpatientNote").GetString());
        var tracking = answer.GetProperty("trackingCode").GetString()!;
        await using var db = Acting.SystemDb(portal);
        var logged = await db.Inquiries.SingleAsync(Inquiry.WithCode(tracking!));
        Assert.Equal(Portal.Domain.Eligibility.InquiryChannel.Api, logged.Channel);
    }

    [Fact]
    public async Task Mismatch_Is200WithTheSeedMessage_InvalidInputIs400InPersian_BadCodesAre400Or410()
    {
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(portal);
        var client = portal.Client();

        var mismatch = await client.PostAsJsonAsync(Start, new { nationalId, mobile = PersonalPeople.NewMobile() });
        var unknown = await client.PostAsJsonAsync(Start, new { nationalId = PersonalPeople.NewNationalId(), mobile });
        var invalid = await client.PostAsJsonAsync(Start, new { nationalId = "1234567890", mobile = "12" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (mismatch.StatusCode, unknown.StatusCode));
        var (m, u) = (await Json(mismatch), await Json(unknown));
        Assert.Equal("mismatch", m.GetProperty("status").GetString());
        Assert.Equal(m.GetProperty("message").GetString(), u.GetProperty("message").GetString());
        Assert.StartsWith("کد ملی با شماره همراه مطابقت ندارد", m.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await Json(invalid)).GetProperty("errors");
        Assert.Equal("رقم کنترل کد ملی درست نیست.", errors.GetProperty("nationalId").GetString());
        Assert.Contains("شماره همراه", errors.GetProperty("mobile").GetString());

        var started = await Json(await client.PostAsJsonAsync(Start, new { nationalId, mobile }));
        var handle = started.GetProperty("challenge").GetString();
        var code = PersonalPeople.CodeIn(await PersonalPeople.LastSmsAsync(portal, mobile));
        var wrong = await client.PostAsJsonAsync(Verify, new { challenge = handle, code = code == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(4, (await Json(wrong)).GetProperty("attemptsLeft").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(Verify, new { challenge = handle, code })).StatusCode);
        var reused = await client.PostAsJsonAsync(Verify, new { challenge = handle, code });
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Equal("expired", (await Json(reused)).GetProperty("reason").GetString());
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}

/// <summary>The personal inquiry's limits on a portal with low ones: per national ID in the body, then per client IP.</summary>
public sealed class PersonalInquiryLimitsTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new()
    {
        Settings =
        {
            ["Eligibility:Personal:PerIpPermits"] = "5",
            ["Eligibility:Personal:PerNationalIdPermits"] = "2",
            ["Eligibility:Personal:MinimumStartTime"] = "00:00:00",
        },
    };

    public async Task InitializeAsync() => await _portal.SeededAsync();

    public Task DisposeAsync()
    {
        _portal.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TooManyCodesForOneId_Then_TooManyPostsFromOneAddress_Are429WithRetryAfter_ReadingThePageIsNot()
    {
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(_portal);
        var client = _portal.Client();
        var page = await client.GetStringAsync("/eligibility/personal");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await client.PostAsJsonAsync("/api/v1/eligibility/personal", new { nationalId, mobile })).StatusCode);
        var perId = await client.PostAsJsonAsync("/api/v1/eligibility/personal", new { nationalId, mobile });
        // The fifth post from this address is its last in the window; the sixth is refused before it is read.
        await client.PostAsJsonAsync("/api/v1/eligibility/personal/verify", new { challenge = Guid.NewGuid(), code = "123456" });
        var perIp = await client.PostAsJsonAsync("/api/v1/eligibility/personal", new { nationalId = PersonalPeople.NewNationalId(), mobile = PersonalPeople.NewMobile() });
        var form = await PortalFactory.PostFormAsync(client, "/eligibility/personal", "personal-start", page,
            new() { ["Start.NationalId"] = nationalId, ["Start.Mobile"] = mobile });

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, perId.StatusCode);
        Assert.True(int.Parse(perId.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Equal(HttpStatusCode.TooManyRequests, perIp.StatusCode);
        Assert.True(int.Parse(perIp.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Contains("چند دقیقه دیگر", (await perIp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains("چند دقیقه دیگر", await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/eligibility/personal")).StatusCode);
    }
}

/// <summary>The configurable SMS operator: what it posts, and a refusal becoming "not sent".</summary>
public sealed class HttpSmsGatewayTests
{
    private sealed class Operator(HttpStatusCode status) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public string Body { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            (Request, Body) = (request, await request.Content!.ReadAsStringAsync(ct));
            return new HttpResponseMessage(status);
        }
    }

    [Fact]
    public async Task SmsGateway_Sending_PostsTheMobileAndTextWithTheBearerToken_AndARefusalIsNotSent()
    {
        var options = new Portal.Features.Sms.HttpSmsGatewayOptions { Url = "https://sms.example/send", Token = "t0ken", Sender = "1420" };
        var ok = new Operator(HttpStatusCode.OK);

        await new Portal.Features.Sms.HttpSmsGateway(new HttpClient(ok), options).SendAsync("09121234567", "کد: 123456");

        Assert.Equal("https://sms.example/send", ok.Request!.RequestUri!.ToString());
        Assert.Equal("Bearer t0ken", ok.Request.Headers.Authorization!.ToString());
        var body = JsonDocument.Parse(ok.Body).RootElement;
        Assert.Equal(("09121234567", "کد: 123456", "1420"), (body.GetProperty("to").GetString(), body.GetProperty("text").GetString(), body.GetProperty("from").GetString()));
        await Assert.ThrowsAsync<Portal.Domain.Sms.SmsNotSentException>(() =>
            new Portal.Features.Sms.HttpSmsGateway(new HttpClient(new Operator(HttpStatusCode.BadGateway)), options).SendAsync("09121234567", "x"));
    }
}
