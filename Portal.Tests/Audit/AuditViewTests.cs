using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Tests.Audit;

/// <summary>The audit log as people read it: who by name, which record with its page, each field typed from the model and labelled.</summary>
public sealed class AuditViewTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly ResourceManager Strings = new("Portal.Resources.Strings", typeof(Portal.Strings).Assembly);

    [Fact]
    public void EntityLabels_EveryAuditedType_HasPersianAndEnglish()
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        using var db = PortalDb.Open(contexts, Actor.System);
        var audited = db.Model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType)).Select(t => t.ClrType.Name).Distinct().ToList();
        Assert.NotEmpty(audited);
        var fa = CultureInfo.GetCultureInfo("fa-IR");
        var en = CultureInfo.GetCultureInfo("en-US");
        var missing = audited.Where(e => Strings.GetString(AuditLabels.EntityKey(e), fa) is not { Length: > 0 } label || !label.Any(c => c is >= '\u0600' and <= '\u06FF')).ToList();
        Assert.True(missing.Count == 0, $"No Persian label (Strings.resx, {AuditLabels.EntityKey("<Type>")}) for: {string.Join(", ", missing)}");
        Assert.All(audited, e => Assert.False(string.IsNullOrEmpty(Strings.GetString(AuditLabels.EntityKey(e), en))));
    }

    [Fact]
    public void EveryAuditedProperty_HasALabel_OrIsHidden()
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        using var db = PortalDb.Open(contexts, Actor.System);
        var fa = CultureInfo.GetCultureInfo("fa-IR");
        var missing = (from t in db.Model.GetEntityTypes()
                       where typeof(IAudited).IsAssignableFrom(t.ClrType)
                       from p in t.GetProperties()
                       where !p.IsPrimaryKey() && (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) != typeof(Guid) && t.FindDiscriminatorProperty() != p
                           && !p.Name.EndsWith("Sha256") && p.Name is not ("Hash" or "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp" or "NormalizedUserName" or "NormalizedEmail" or "SearchText")
                       where AuditLabels.FieldKeys(t.ClrType.Name, p.Name).All(k => Strings.GetString(k, fa) is null)
                       select $"{t.ClrType.Name}.{p.Name}").Distinct().ToList();
        Assert.True(missing.Count == 0, $"No label for: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task AnAgencyEdit_ReadsWithTheClerksName_TheAgencysPage_AndTypedFields_WithoutTheConcurrencyToken()
    {
        var id = await Acting.AgencyIdAsync(portal, "AG-08002");
        var registry = await portal.AsAsync<AgencyRegistry>("kerman.generaloffice");
        var d = (await registry.FindAsync(id))!;
        var form = AgencyProfileForm.From(d.Agency);
        form.ManagerName = "سارا توکلی";
        form.Status = AgencyStatus.Suspended;
        Assert.Empty(await registry.SaveAsync(id, form, d.Agency.ReviewOfficeId, d.Agency.Version, JalaliDate.Create(1405, 9, 1)));

        var search = await portal.AsAsync<AuditSearch>("admin");
        var (lines, _) = await search.LinesAsync(new AuditSearch.Filter("Agency", id.ToString(CultureInfo.InvariantCulture), null, null, null), 0, 5);

        var line = lines.First(l => l.Entry.Action == AuditAction.Modified);
        Assert.Equal(Portal.Demo.DemoSeeder.Accounts.Single(a => a.UserName == "kerman.generaloffice").FullName, line.UserFullName);
        Assert.Equal($"agencies/{id}", line.RecordLink);
        Assert.Equal(d.Agency.Name, line.RecordName);
        Assert.Equal("Entity.Agency", line.EntityKey);
        var name = Assert.Single(line.Changes, c => c.Property == nameof(Agency.ManagerName));
        Assert.Equal(new AuditValue(AuditValueKind.Text, "سارا توکلی"), name.New);
        Assert.Contains("Audit.Field.ManagerName", name.LabelKeys);
        var status = Assert.Single(line.Changes, c => c.Property == nameof(Agency.Status));
        Assert.Equal(new AuditValue(AuditValueKind.Enum, "AgencyStatus.Suspended"), status.New);
        Assert.DoesNotContain(line.Changes, c => c.Property == nameof(Agency.Version));
        Assert.Contains("Version", line.Entry.Changes); // still in the raw form
    }

    [Fact]
    public async Task AMonthlyReport_ReadsAsItsAgencyAndMonth_WithAmountsAsAmounts_AndItsHistoryPage()
    {
        await using var db = Acting.SystemDb(portal);
        var report = await db.MonthlyReports.OrderBy(r => r.Id).Select(r => new { r.Id, r.Period, r.Agency.Name }).FirstAsync();
        var line = await db.AuditEntries.Where(e => e.Entity == "ReportLine" && e.Action == AuditAction.Added).OrderBy(e => e.Id).FirstAsync();

        var search = await portal.AsAsync<AuditSearch>("admin");
        var (reports, _) = await search.LinesAsync(new AuditSearch.Filter("MonthlyReport", report.Id.ToString(CultureInfo.InvariantCulture), null, null, null), 0, 5);
        var (lines, _) = await search.LinesAsync(new AuditSearch.Filter("ReportLine", line.Key, null, null, null), 0, 5);

        var added = reports.Last();
        Assert.Equal($"monthly/reports/{report.Id}/history", added.RecordLink);
        Assert.Equal($"{report.Name} — {JalaliMonth.FromKey(report.Period).ToPersianString()}", added.RecordName);
        Assert.Contains(added.Changes, c => c.Property == "Period" && c.New.Kind == AuditValueKind.Month);
        var amount = Assert.Single(lines.Single().Changes, c => c.Property == "AmountClaimed");
        Assert.Equal(AuditValueKind.Amount, amount.New.Kind);
        Assert.Equal(AuditValueKind.Reference, Assert.Single(lines.Single().Changes, c => c.Property == "CategoryId").New.Kind);
    }
}
