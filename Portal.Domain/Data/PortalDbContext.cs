using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Agencies;
using Portal.Domain.Audit;
using Portal.Domain.Circulars;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Eligibility;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.MonthlyStats;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;
using Portal.Domain.Rollout;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Domain.Data;

/// <summary>
/// The one EF Core model. Every <see cref="IScoped"/> entity is filtered by <see cref="Scope"/>; a context nobody
/// scoped sees none of them. Get scoped contexts from <see cref="PortalDb"/>.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public Actor Actor { get; private set; } = Actor.Anonymous;
    public OrgScope Scope => Actor.Scope;
    internal AuditBatch? PendingAudit { get; set; }

    /// <summary>Sets who acts through this context. Only <see cref="PortalDb"/> and the hosting wiring call it.</summary>
    public PortalDbContext ActAs(Actor actor)
    {
        Actor = actor;
        return this;
    }

    public DbSet<RolloutWave> RolloutWaves => Set<RolloutWave>();
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<MedicalCenter> MedicalCenters => Set<MedicalCenter>();
    public DbSet<BoardMember> BoardMembers => Set<BoardMember>();
    public DbSet<Representative> Representatives => Set<Representative>();
    public DbSet<ChangeNotice> ChangeNotices => Set<ChangeNotice>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<TrainingAttendance> TrainingAttendances => Set<TrainingAttendance>();
    public DbSet<ToolDeployment> ToolDeployments => Set<ToolDeployment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Circular> Circulars => Set<Circular>();
    public DbSet<CircularRecipient> CircularRecipients => Set<CircularRecipient>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<ContractTemplate> ContractTemplates => Set<ContractTemplate>();
    public DbSet<ClaimCategory> ClaimCategories => Set<ClaimCategory>();
    public DbSet<MonthlyReport> MonthlyReports => Set<MonthlyReport>();
    public DbSet<DebtorWorkshop> DebtorWorkshops => Set<DebtorWorkshop>();
    public DbSet<SeizedAsset> SeizedAssets => Set<SeizedAsset>();
    public DbSet<CenterClaim> CenterClaims => Set<CenterClaim>();
    public DbSet<OffsetFile> OffsetFiles => Set<OffsetFile>();
    public DbSet<OffsetAgreement> OffsetAgreements => Set<OffsetAgreement>();
    public DbSet<Settlement> Settlements => Set<Settlement>();
    public DbSet<InsuredPerson> InsuredPersons => Set<InsuredPerson>();
    public DbSet<PremiumMonth> PremiumMonths => Set<PremiumMonth>();
    public DbSet<RegisteredMobile> RegisteredMobiles => Set<RegisteredMobile>();
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();
    public DbSet<InquiryApiKey> InquiryApiKeys => Set<InquiryApiKey>();
    public DbSet<Objection> Objections => Set<Objection>();
    public DbSet<OtpChallenge> OtpChallenges => Set<OtpChallenge>();
    public DbSet<Portal.Domain.Sms.SmsMessage> SmsMessages => Set<Portal.Domain.Sms.SmsMessage>();
    public DbSet<ReportLine> ReportLines => Set<ReportLine>();
    public DbSet<TechnicalFile> TechnicalFiles => Set<TechnicalFile>();
    public DbSet<ScanStep> ScanSteps => Set<ScanStep>();
    public DbSet<FileWorker> FileWorkers => Set<FileWorker>();
    public DbSet<ScannedDocument> ScannedDocuments => Set<ScannedDocument>();
    public DbSet<DocumentGroup> DocumentGroups => Set<DocumentGroup>();
    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<Common.Files.FileCheck> FileChecks => Set<Common.Files.FileCheck>();
    public DbSet<ElectronicFiles.PageText> PageTexts => Set<ElectronicFiles.PageText>();
    public DbSet<ElectronicFiles.DocumentReading> DocumentReadings => Set<ElectronicFiles.DocumentReading>();
    public DbSet<ElectronicFiles.DocumentView> DocumentViews => Set<ElectronicFiles.DocumentView>();
    public DbSet<KeptOriginal> KeptOriginals => Set<KeptOriginal>();
    public DbSet<DestructionList> DestructionLists => Set<DestructionList>();
    public DbSet<AccountRequest> AccountRequests => Set<AccountRequest>();
    public DbSet<AccountRequestLine> AccountRequestLines => Set<AccountRequestLine>();
    public DbSet<Booklets.Booklet> Booklets => Set<Booklets.Booklet>();
    public DbSet<Booklets.BookletService> BookletServices => Set<Booklets.BookletService>();
    public DbSet<NetworkOutages.NetworkOutage> NetworkOutages => Set<NetworkOutages.NetworkOutage>();
    public DbSet<ScheduledRun> ScheduledRuns => Set<ScheduledRun>();
    /// <summary>The cookie and antiforgery key ring, shared by every app server that uses this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    // Read by the query filters on every query, so a context re-scoped later filters by its new scope.
    private ScopeLevel ScopeLevel => Actor.Scope.Level;
    private int? ScopeProvinceId => Actor.Scope.ProvinceId;
    private int? ScopeUnitId => Actor.Scope.UnitId;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefreshSearchText();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefreshSearchText();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every tracked <see cref="ISearchable"/> gets the search text of its current fields, whichever method changed them;
    /// unchanged rows whose stored text is stale or missing (rows older than the column) are brought up to date too.
    /// </summary>
    private void RefreshSearchText()
    {
        if (ChangeTracker.AutoDetectChangesEnabled) ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<ISearchable>())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached) continue;
            var text = SearchKey.Join(entry.Entity.SearchedFields());
            if (entry.Entity.SearchText != text) entry.Property(nameof(ISearchable.SearchText)).CurrentValue = text;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        // Scope, once: one filter per scoped root entity, all here.
        builder.Entity<OrgUnit>().HasQueryFilter(ScopeFilter<OrgUnit>(u => u.ProvinceId, u => u.Id));
        builder.Entity<BoardMember>().HasQueryFilter(ScopeFilter<BoardMember>(m => m.ProvinceId, m => m.AgencyId));
        builder.Entity<Representative>().HasQueryFilter(ScopeFilter<Representative>(r => r.ProvinceId, r => r.AgencyId));
        builder.Entity<ChangeNotice>().HasQueryFilter(ScopeFilter<ChangeNotice>(n => n.ProvinceId, n => n.AgencyId));
        builder.Entity<ToolDeployment>().HasQueryFilter(ScopeFilter<ToolDeployment>(t => t.ProvinceId, t => t.AgencyId));
        // A supplementary session belongs to its agency as well as to the review office that holds it.
        builder.Entity<TrainingSession>().HasQueryFilter(ScopeFilter<TrainingSession>(s => s.ProvinceId, s => s.AgencyId ?? s.ReviewOfficeId));
        builder.Entity<TrainingAttendance>().HasQueryFilter(ScopeFilter<TrainingAttendance>(a => a.ProvinceId, a => a.Representative.AgencyId));
        builder.Entity<MonthlyReport>().HasQueryFilter(ScopeFilter<MonthlyReport>(r => r.ProvinceId, r => r.AgencyId));
        // Offset files are a province's business: no unit-level user (agency, branch, centre) reads them.
        builder.Entity<DebtorWorkshop>().HasQueryFilter(ScopeFilter<DebtorWorkshop>(w => w.ProvinceId, w => 0));
        builder.Entity<SeizedAsset>().HasQueryFilter(ScopeFilter<SeizedAsset>(a => a.ProvinceId, a => 0));
        builder.Entity<CenterClaim>().HasQueryFilter(ScopeFilter<CenterClaim>(c => c.ProvinceId, c => 0));
        builder.Entity<OffsetFile>().HasQueryFilter(ScopeFilter<OffsetFile>(f => f.ProvinceId, f => 0));
        builder.Entity<OffsetAgreement>().HasQueryFilter(ScopeFilter<OffsetAgreement>(a => a.ProvinceId, a => 0));
        builder.Entity<Settlement>().HasQueryFilter(ScopeFilter<Settlement>(s => s.ProvinceId, s => 0));
        // A centre reads its own inquiries; a province its centres' and its insured persons' personal ones.
        builder.Entity<Inquiry>().HasQueryFilter(ScopeFilter<Inquiry>(i => i.ProvinceId, i => i.CentreId ?? 0));
        builder.Entity<Objection>().HasQueryFilter(ScopeFilter<Objection>(o => o.ProvinceId, o => o.CentreId ?? 0));
        builder.Entity<InquiryApiKey>().HasQueryFilter(ScopeFilter<InquiryApiKey>(k => k.ProvinceId, k => k.CentreId));
        builder.Entity<Contract>().HasQueryFilter(ScopeFilter<Contract>(c => c.ProvinceId, c => c.AgencyId));
        builder.Entity<CircularRecipient>().HasQueryFilter(ScopeFilter<CircularRecipient>(r => r.ProvinceId, r => r.AgencyId));
        // A branch sees the files it holds; an agency or a centre the files it works on (has added a document to).
        builder.Entity<TechnicalFile>().HasQueryFilter(f =>
            ScopeLevel == ScopeLevel.National
            || (ScopeLevel == ScopeLevel.Province && f.ProvinceId == ScopeProvinceId)
            || (ScopeLevel == ScopeLevel.Unit && (f.BranchId == ScopeUnitId || f.Workers.Any(w => w.UnitId == ScopeUnitId))));
        builder.Entity<ScannedDocument>().HasQueryFilter(d =>
            ScopeLevel == ScopeLevel.National
            || (ScopeLevel == ScopeLevel.Province && d.ProvinceId == ScopeProvinceId)
            || (ScopeLevel == ScopeLevel.Unit && (d.BranchId == ScopeUnitId || d.File.Workers.Any(w => w.UnitId == ScopeUnitId))));
        // The words read on a document's pages, and its views, are seen by those who see the document (its file).
        builder.Entity<ElectronicFiles.PageText>().HasQueryFilter(p => ScannedDocuments.Any(d => d.Id == p.DocumentId));
        builder.Entity<ElectronicFiles.DocumentView>().HasQueryFilter(v => TechnicalFiles.Any(f => f.Id == v.FileId));
        // Binders and destruction lists are the branch's own: its province and the nation read them, no agency does.
        builder.Entity<KeptOriginal>().HasQueryFilter(ScopeFilter<KeptOriginal>(k => k.ProvinceId, k => k.BranchId));
        builder.Entity<DestructionList>().HasQueryFilter(ScopeFilter<DestructionList>(l => l.ProvinceId, l => l.BranchId));
        // A branch's counter services and its network outages: the branch, its province and the nation.
        builder.Entity<Booklets.BookletService>().HasQueryFilter(ScopeFilter<Booklets.BookletService>(x => x.ProvinceId, x => x.BranchId));
        builder.Entity<NetworkOutages.NetworkOutage>().HasQueryFilter(ScopeFilter<NetworkOutages.NetworkOutage>(x => x.ProvinceId, x => x.BranchId));
        builder.Entity<AccountRequest>().HasQueryFilter(ScopeFilter<AccountRequest>(r => r.ProvinceId, r => r.UnitId));
        builder.Entity<AccountRequestLine>().HasQueryFilter(ScopeFilter<AccountRequestLine>(l => l.ProvinceId, l => l.UnitId));
        // A circular belongs to a province, but an agency sees only those addressed to it, not its whole province's.
        builder.Entity<Circular>().HasQueryFilter(c =>
            ScopeLevel == ScopeLevel.National
            || (ScopeLevel == ScopeLevel.Province && c.ProvinceId == ScopeProvinceId)
            || (ScopeLevel == ScopeLevel.Unit && c.Recipients.Any(r => r.AgencyId == ScopeUnitId)));


        // PostgreSQL's full-text index over the words read on scanned pages (SQLite's is an FTS5 table the migration makes).
        if (Database.IsNpgsql())
            builder.Entity<ElectronicFiles.PageText>().HasIndex(p => p.Words).HasMethod("GIN").IsTsVectorExpressionIndex("simple");
    }

    protected override void OnConfiguring(DbContextOptionsBuilder options) =>
        // Users are deliberately unfiltered (sign-in must find them); only administrators list them, nationally.
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Instants are stored in UTC, whatever offset they arrive with (JalaliDate.StartInstant is in Tehran time);
        // the conversion applies to query parameters too, so range filters compare like with like. SQLite keeps
        // them as UTC ticks (its text form cannot be compared); PostgreSQL's timestamptz accepts only UTC.
        if (Database.IsSqlite())
            builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        else
            builder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

    /// <summary>The scope rule of <see cref="OrgScope.Covers"/>, as a filter over an entity's province and owning unit.</summary>
    private Expression<Func<T, bool>> ScopeFilter<T>(Expression<Func<T, int?>> province, Expression<Func<T, int>> unit)
    {
        Expression<Func<int?, int, bool>> rule = (p, u) =>
            ScopeLevel == ScopeLevel.National
            || (ScopeLevel == ScopeLevel.Province && p == ScopeProvinceId)
            || (ScopeLevel == ScopeLevel.Unit && u == ScopeUnitId);
        var entity = province.Parameters[0];
        var body = ReplacingExpressionVisitor.Replace(rule.Parameters[0], province.Body, rule.Body);
        body = ReplacingExpressionVisitor.Replace(rule.Parameters[1],
            ReplacingExpressionVisitor.Replace(unit.Parameters[0], entity, unit.Body), body);
        return Expression.Lambda<Func<T, bool>>(body, entity);
    }
}
