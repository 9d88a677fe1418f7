using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Portal.Tests.Security;

public sealed class PageAuthorizationTests
{
    public static TheoryData<string> RoutablePages()
    {
        var data = new TheoryData<string>();
        foreach (var t in typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>().Any()))
            data.Add(t.FullName!);
        return data;
    }

    [Fact]
    public void RoutablePages_FoundByReflection_AreEightOrMore() => Assert.True(RoutablePages().Count >= 8, "expected the portal's pages to be found");

    [Theory]
    [MemberData(nameof(RoutablePages))]
    public void RoutablePages_Each_DeclareAuthorizeOrAllowAnonymous(string page)
    {
        var type = typeof(Program).Assembly.GetType(page)!;
        Assert.True(type.GetCustomAttributes<AuthorizeAttribute>(true).Any() || type.GetCustomAttributes<AllowAnonymousAttribute>(true).Any(),
            $"{page} has neither [Authorize] nor [AllowAnonymous]");
    }
}
