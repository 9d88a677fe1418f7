using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Tests.Users;

/// <summary>Account requests as the demo users make them: Kerman's general office asks, head office's registration office decides.</summary>
internal static class AccountRequestsArrange
{
    public const string Kerman = "kerman.generaloffice";
    public const string Golestan = "golestan.generaloffice";
    public const string Registration = "registration";

    /// <summary>A valid national ID nobody else in the test run has.</summary>
    public static string NewNationalId()
    {
        while (true)
        {
            var body = Random.Shared.Next(100_000_000, 999_999_999).ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
            var id = NationalId.WithCheckDigit(body);
            if (NationalId.IsValid(id)) return id;
        }
    }

    public static async Task<int> BranchIdAsync(PortalFactory portal, string code)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    public static AccountRequestForm.Person Person(int branchId, string? nationalId = null, string role = Roles.BranchStaff, string name = "مریم احمدی") =>
        new() { FullName = name, NationalId = nationalId ?? NewNationalId(), BranchId = branchId, Role = role, Mobile = "09131234567" };

    public static AccountRequestForm CreateForm(params AccountRequestForm.Person[] people) => new() { Kind = AccountRequestKind.Create, People = [.. people] };

    /// <summary>Kerman files a request for the people given; fails the test on any field error.</summary>
    public static async Task<int> FileAsync(PortalFactory portal, AccountRequestForm form, string by = Kerman)
    {
        var (id, errors) = await (await portal.AsAsync<AccountRequestDesk>(by)).FileAsync(form);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")));
        return id!.Value;
    }

    public static async Task<AccountRequest> RequestAsync(PortalFactory portal, int id)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.AccountRequests.AsNoTracking().Include(r => r.Lines.OrderBy(l => l.Id)).SingleAsync(r => r.Id == id);
    }

    public static async Task<AccountRequest> ApprovedAsync(PortalFactory portal, int id)
    {
        await (await portal.AsAsync<AccountRequestDesk>(Registration)).ApproveAsync(id, (await RequestAsync(portal, id)).Version);
        return await RequestAsync(portal, id);
    }
}
