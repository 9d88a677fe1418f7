using System.Text;
using Microsoft.AspNetCore.Identity;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Features.SignIn;

public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<PortalUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
        return app;
    }

    /// <summary>
    /// Only local paths: a sign-in link must never send the user to another site, and a control character is no part of
    /// an address. What the browser decoded (a search for «تهران») goes back percent-encoded: a Location header is ASCII.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            || returnUrl.Any(char.IsControl))
            return "/";
        if (returnUrl.All(c => c is > ' ' and < (char)0x7F)) return returnUrl;
        var escaped = new StringBuilder(returnUrl.Length * 3);
        foreach (var rune in returnUrl.EnumerateRunes())
            if (rune.Value is > ' ' and < 0x7F) escaped.Append((char)rune.Value);
            else escaped.Append(Uri.EscapeDataString(rune.ToString()));
        return escaped.ToString();
    }
}
