using System.Net;

namespace Portal.Tests.SignIn;

public sealed class SignInTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory _factory = portal;

    public async Task InitializeAsync() => await _factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Anonymous_Home_RedirectsToSignIn()
    {
        var response = await _factory.Client().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsPersianMessage()
    {
        var response = await PortalFactory.SignInAsync(_factory.Client(), "kerman.review", "not-the-password-at-all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("نام کاربری یا گذرواژه درست نیست", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_EmptyFields_NameTheMissingField()
    {
        var html = await (await PortalFactory.SignInAsync(_factory.Client(), "", "")).Content.ReadAsStringAsync();
        Assert.Contains("نام کاربری را وارد کنید", html);
        Assert.Contains("گذرواژه را وارد کنید", html);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LockTheNameFromThatAddressEvenForTheRightPassword()
    {
        var client = _factory.Client();
        string html = "";
        for (var i = 0; i < 5; i++)
            html = await (await PortalFactory.SignInAsync(client, "golestan.medical", "wrong-password-" + i)).Content.ReadAsStringAsync();
        Assert.Contains("۱۵ دقیقه قفل شده", html);

        var right = await PortalFactory.SignInAsync(client, "golestan.medical");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // no redirect: still locked
        Assert.Contains("قفل شده", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_PersianDigitsAndSpacesInUserName_AreNormalised()
    {
        var response = await PortalFactory.SignInAsync(_factory.Client(), "  kerman.governor ");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_Right_ShowsHomeWithNameUnitAndRole()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.treatment");
        var html = await client.GetStringAsync("/");
        Assert.Contains("dir=\"rtl\"", html);
        Assert.Contains("مدیر درمان کرمان", html);           // full name
        Assert.Contains("مدیریت درمان استان", html);        // role title
        Assert.Contains("مدیریت درمان تأمین اجتماعی استان کرمان", html); // unit
    }

    [Theory]
    [InlineData("//evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData(null, "/")]
    [InlineData("/organisation?page=2", "/organisation?page=2")]
    public void ReturnUrl_NotALocalPath_IsNotFollowed(string? returnUrl, string expected) =>
        Assert.Equal(expected, Portal.Features.SignIn.SignInEndpoints.SafeReturnUrl(returnUrl));

    [Fact]
    public async Task SignInPage_EnglishCulture_IsLeftToRight()
    {
        var client = _factory.Client();
        var switched = await client.GetAsync("/culture/en-US?returnUrl=/account/login");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var html = await client.GetStringAsync("/account/login");
        Assert.Contains("dir=\"ltr\"", html);
        Assert.Contains("Sign in to the portal", html);
    }
}
