using Portal.Domain.Common;

namespace Portal.Tests.Support;

/// <summary>The one refusal of an act the role does not hold: a forbidden DomainException, worded in Persian.</summary>
internal static class Refused
{
    /// <summary>The Persian text of <c>Permission.Refused</c>, the refusal of an act with no words of its own.</summary>
    public const string ByRole = "نقش شما اجازهٔ این کار را ندارد.";

    public static async Task<DomainException> ForbiddenAsync(Func<Task> act)
    {
        using var persian = CultureScope.Persian();
        var refusal = await Assert.ThrowsAsync<DomainException>(act);
        Assert.Equal(RefusalKind.Forbidden, refusal.Kind);
        return refusal;
    }

    /// <summary>Refused with the general words (the act has none of its own).</summary>
    public static async Task ByRoleAsync(Func<Task> act) => Assert.Equal(ByRole, (await ForbiddenAsync(act)).Message);
}
