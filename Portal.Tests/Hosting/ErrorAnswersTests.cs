using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Security;

namespace Portal.Tests.Hosting;

/// <summary>
/// What a client sees when a request goes wrong, in Development too (where the framework would otherwise show its
/// developer page): a too-large sheet gets the import's own Persian message, and no answer carries a stack trace or
/// echoes the request's cookies.
/// </summary>
/// <remarks>Two portals for the class, both in Development: a plain one and one whose data layer throws.</remarks>
public sealed class ErrorAnswersTests(ErrorAnswersTests.DevelopmentPortal portal, ErrorAnswersTests.ThrowingFactory throwing)
    : IClassFixture<ErrorAnswersTests.DevelopmentPortal>, IClassFixture<ErrorAnswersTests.ThrowingFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string action, int bytes, bool withToken = true)
    {
        var html = await client.GetStringAsync(page);
        var form = new MultipartFormDataContent();
        if (withToken)
        {
            var input = Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
            form.Add(new StringContent(Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken");
        }
        var file = new ByteArrayContent(new byte[bytes]);
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        form.Add(file, "file", "big.xlsx");
        return await client.PostAsync(action, form);
    }

    [Theory]
    [InlineData("/offset/registers", "/offset/import/debtors")]
    [InlineData("/agencies/import", "/agencies/import")]
    public async Task An11MbSheet_IsRefusedWithTheImportsPersianTooLargeMessage_InDevelopment(string page, string action)
    {
        await portal.SeededAsync();
        var client = await PortalFactory.SignedInClientAsync(portal, "kerman.generaloffice");

        var response = await UploadAsync(client, page, action, 11 * 1024 * 1024);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!.OriginalString;
        Assert.Contains("failed=", back);
        Assert.Contains("حجم فایل بیش از ۱۰ مگابایت است.", await client.GetStringAsync(back));
    }

    [Fact]
    public async Task AnUploadWithoutItsToken_IsA400InPersian_WithoutTheCookieOrAStackTrace_InDevelopment()
    {
        await portal.SeededAsync();
        var client = await PortalFactory.SignedInClientAsync(portal, "kerman.generaloffice");

        var response = await UploadAsync(client, "/offset/registers", "/offset/import/debtors", 1024, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Matches("[\u0600-\u06FF]", body);
        AssertNothingLeaks(body);
    }

    [Theory]
    [InlineData("/agencies/export.xlsx")]
    [InlineData("/api/v1/reports/monthly?period=1403-01")]
    public async Task AThrownException_AnswersWithoutAStackTraceOrTheCookie_InDevelopment(string path)
    {
        await throwing.SeededAsync();
        var client = await PortalFactory.SignedInClientAsync(throwing, "headoffice");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Matches("[\u0600-\u06FF]", body);
        Assert.Matches("[0-9a-f]{12}", body); // the correlation id the log has the rest under
        Assert.DoesNotContain("boom-secret", body);
        AssertNothingLeaks(body);
    }

    private static void AssertNothingLeaks(string body)
    {
        Assert.DoesNotContain("portal.auth", body);
        Assert.DoesNotContain("Cookie", body);
        Assert.DoesNotContain(".AspNetCore.", body);
        Assert.DoesNotMatch(@"\bat (Portal|Microsoft|System)\.", body);
    }

    public sealed class DevelopmentPortal : PortalFactory
    {
        public DevelopmentPortal() => Environment = "Development";
    }

    /// <summary>The portal in Development whose data layer throws as soon as it asks who the user is (after sign-in).</summary>
    public sealed class ThrowingFactory : PortalFactory
    {
        public ThrowingFactory() => Environment = "Development";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddScoped<ICurrentUser, ThrowingCurrentUser>());
        }
    }

    private sealed class ThrowingCurrentUser : ICurrentUser
    {
        public ValueTask<Actor> GetAsync() => throw new InvalidOperationException("boom-secret");
    }
}
