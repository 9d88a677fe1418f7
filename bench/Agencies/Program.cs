using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Data;
using Portal.Domain.Rollout;
using Portal.Domain.Security;

if (args.FirstOrDefault() == "--sql")
{
    var bench = new RegistryReads();
    bench.Setup();
    Console.WriteLine(bench.ReadinessSql());
    return;
}
if (args.FirstOrDefault() == "--smoke")
{
    await BenchSmoke.RunAsync<RegistryReads>();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(RegistryReads).Assembly).Run(args);

/// <summary>
/// The reads behind the agency list (one 50-row page with a text filter and a sort) and the rollout dashboards,
/// as the users who open them: Kerman's general office and treatment director, and head office.
/// BENCH_DB names the seeded SQLite file (bench/agencies.sh makes one with ~2,000 agencies and ~10,000 representatives).
/// </summary>
[MemoryDiagnoser]
public class RegistryReads
{
    private ServiceProvider _services = default!;
    private AgencySearch _kermanList = default!, _nationalList = default!;
    private RolloutDashboard _kermanDashboard = default!, _nationalDashboard = default!;

    [GlobalSetup]
    public void Setup()
    {
        var db = Environment.GetEnvironmentVariable("BENCH_DB") ?? throw new InvalidOperationException("Set BENCH_DB to a seeded portal database.");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={db}" }).Build();
        _services = new ServiceCollection().AddLogging().AddPortalData(config).BuildServiceProvider();
        var contexts = _services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        using var system = PortalDb.Open(contexts, Actor.System);
        var kerman = system.Provinces.Single(p => p.Code == "08").Id;
        PortalDb As(string role, OrgScope scope) => new(contexts, new Fixed(new Actor("bench", "bench", role, null, scope)));
        var clock = TimeProvider.System;
        _kermanList = new AgencySearch(As(Roles.GeneralOffice, OrgScope.Province(kerman)), clock);
        _nationalList = new AgencySearch(As(Roles.HeadOffice, OrgScope.National), clock);
        _kermanDashboard = new RolloutDashboard(As(Roles.TreatmentDirectorate, OrgScope.Province(kerman)), clock);
        _nationalDashboard = new RolloutDashboard(As(Roles.HeadOffice, OrgScope.National), clock);
    }

    /// <summary>The readiness query's SQL as head office runs it, for reading its plan (<c>dotnet run -- --sql</c>).</summary>
    public string ReadinessSql()
    {
        var contexts = _services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        using var db = PortalDb.Open(contexts, new Actor("bench", "bench", Roles.HeadOffice, null, OrgScope.National));
        return db.Readiness(DateOnly.FromDateTime(DateTime.Today)).Where(r => r.Position == 2).ToQueryString();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "Agency list page: Kerman, text 'کرمان', active, sorted by name desc, page 2 of 50")]
    public Task<int> ProvinceListPage() => Page(_kermanList, new AgencyFilter("كرمان", Status: AgencyStatus.Active), AgencySort.Name, 50);

    [Benchmark(Description = "Agency list page: national, readiness position 2, sorted by readiness, page 1 of 50")]
    public Task<int> NationalListPage() => Page(_nationalList, new AgencyFilter(Position: 2), AgencySort.Readiness, 0);

    [Benchmark(Description = "Province dashboard: Kerman treatment director")]
    public async Task<int> ProvinceDashboard() => (await _kermanDashboard.OverviewAsync()).Agencies;

    [Benchmark(Description = "National dashboard: head office, 31 provinces")]
    public async Task<int> NationalDashboard() => (await _nationalDashboard.OverviewAsync()).Agencies;

    private static async Task<int> Page(AgencySearch search, AgencyFilter filter, AgencySort sort, int skip)
    {
        var (rows, total) = await search.SearchAsync(filter, sort, descending: true, skip, 50);
        return rows.Count + total;
    }

    private sealed class Fixed(Actor actor) : ICurrentUser
    {
        public ValueTask<Actor> GetAsync() => ValueTask.FromResult(actor);
    }
}
