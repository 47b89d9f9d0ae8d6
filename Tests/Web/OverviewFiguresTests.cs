using Dapper;
using Npgsql;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Planning;
using Sourcing.Collector.Workloads;
using Sourcing.Tests.Support;
using Sourcing.Web.Caching;
using Sourcing.Web.Overview;

namespace Sourcing.Tests.Web;

/// <summary>
/// The overview keeps its estate, trend and portfolio figures (the board's first scenario's headline
/// among them) under the planning inputs' version (migration 0090): computed once, computed again after
/// any committed change to what they read, and always equal to what the forecast gives for the stored scenario.
/// </summary>
public sealed class OverviewFiguresTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Figures_KeptUntilAnInputChanges_ThenEqualTheForecastAgain()
    {
        var ds = database.DataSource;
        var store = new ScenarioStore(ds, TimeProvider.System);
        await store.SaveAsync(Scenario(retrainable: 50), CancellationToken.None);
        await store.SetBoardOrderAsync(["Utskrift"], CancellationToken.None);
        var estate = new CountingEstate();
        await using var services = Services(ds, store, estate);
        var figures = services.GetRequiredService<OverviewFigures>();

        var first = (await figures.GetAsync(CancellationToken.None)).Portfolio.Scenario!;
        var again = (await figures.GetAsync(CancellationToken.None)).Portfolio.Scenario!;
        Assert.Equal(1, estate.Loads);
        Assert.Equal(1, figures.Computed);
        Assert.Same(first, again);
        Assert.True(await figures.IsCurrentAsync(CancellationToken.None));
        Assert.Equal(await ExpectedAsync(store), first.Years.Select(y => y.SurplusFte));

        // A write to a table the forecast does not read (a user account) keeps the figures.
        await using (var connection = await ds.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO sourcing.app_user (user_name, display_name, roles) VALUES ('x', 'X', '{Drift}')");
        }

        await figures.GetAsync(CancellationToken.None);
        Assert.Equal(1, figures.Computed);

        // Nobody can be retrained any more: the ten freed FTE become surplus. The next view computes anew.
        await store.SaveAsync(Scenario(retrainable: 0), CancellationToken.None);
        Assert.False(await figures.IsCurrentAsync(CancellationToken.None));
        var changed = (await figures.GetAsync(CancellationToken.None)).Portfolio.Scenario!;
        Assert.Equal(2, estate.Loads);
        Assert.Equal(await ExpectedAsync(store), changed.Years.Select(y => y.SurplusFte));
        Assert.NotEqual(first.Years.Select(y => y.SurplusFte), changed.Years.Select(y => y.SurplusFte));

        // A VM seen by a scan changes the estate card as well.
        var vmsBefore = (await figures.GetAsync(CancellationToken.None)).Estate.Vms;
        await using (var connection = await ds.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO sourcing.source (name, kind, url) VALUES ('Test', 'vsphere', 'https://vc.example') ON CONFLICT DO NOTHING;
                INSERT INTO sourcing.resource (source_id, external_id, kind, name, content_hash, first_seen_at, last_seen_at)
                SELECT id, 'vm-1', 'vm', 'vm-1', 'h', now(), now() FROM sourcing.source WHERE name = 'Test';
                """);
        }

        Assert.Equal(vmsBefore + 1, (await figures.GetAsync(CancellationToken.None)).Estate.Vms);
    }

    [Fact]
    public async Task Version_RisesWithEveryCommittedInputWrite_EvenOneThatBeganBeforeItWasRead_AndPruningKeepsIt()
    {
        var ds = database.DataSource;
        var clock = new ShiftingClock();
        var version = new PlanningInputVersion(ds, clock);
        var before = await version.CurrentAsync(CancellationToken.None);

        // A transaction writes an input and stays open; another commits a write meanwhile.
        await using var slow = await ds.OpenConnectionAsync();
        await using var slowTx = await slow.BeginTransactionAsync();
        await slow.ExecuteAsync("INSERT INTO sourcing.cost_budget (pool, sek_per_year, source, updated_by) VALUES ('test-slow', 1, 'test', 'test')", transaction: slowTx);
        await using (var fast = await ds.OpenConnectionAsync())
        {
            await fast.ExecuteAsync("INSERT INTO sourcing.cost_budget (pool, sek_per_year, source, updated_by) VALUES ('test-fast', 1, 'test', 'test')");
        }

        var read = await version.CurrentAsync(CancellationToken.None);
        Assert.Equal(before + 1, read);
        await slowTx.CommitAsync();
        Assert.Equal(before + 2, await version.CurrentAsync(CancellationToken.None));

        // Two statements in one transaction count once; a rolled-back write not at all.
        await using (var both = await ds.OpenConnectionAsync())
        {
            await using var tx = await both.BeginTransactionAsync();
            await both.ExecuteAsync("UPDATE sourcing.cost_budget SET sek_per_year = 2 WHERE pool = 'test-fast'", transaction: tx);
            await both.ExecuteAsync("UPDATE sourcing.cost_budget SET sek_per_year = 3 WHERE pool = 'test-slow'", transaction: tx);
            await tx.CommitAsync();
            await using var undone = await both.BeginTransactionAsync();
            await both.ExecuteAsync("DELETE FROM sourcing.cost_budget", transaction: undone);
            await undone.RollbackAsync();
        }

        var now = await version.CurrentAsync(CancellationToken.None);
        Assert.Equal(before + 3, now);

        clock.Shift(PlanningInputVersion.KeepFor + TimeSpan.FromMinutes(1));
        Assert.True(await version.PruneAsync(CancellationToken.None) >= 3);
        Assert.Equal(now, await version.CurrentAsync(CancellationToken.None));
        await using var check = await ds.OpenConnectionAsync();
        Assert.Equal(0L, await check.QuerySingleAsync<long>("SELECT count(*) FROM sourcing.planning_input_change"));
    }

    [Fact]
    public async Task InputsCache_KeepsEachNameUntilAnInputWriteCommits()
    {
        var ds = database.DataSource;
        var cache = new InputsCache(new PlanningInputVersion(ds, TimeProvider.System), TimeProvider.System);
        var computed = 0;
        Task<string> Compute(CancellationToken _) => Task.FromResult($"value {Interlocked.Increment(ref computed)}");

        Assert.Equal("value 1", await cache.GetAsync("a", Compute, CancellationToken.None));
        Assert.Equal("value 1", await cache.GetAsync("a", Compute, CancellationToken.None));
        Assert.Equal("value 2", await cache.GetAsync("b", Compute, CancellationToken.None));
        Assert.True(await cache.IsCurrentAsync("a", CancellationToken.None));

        // A hand assignment, a rule, an import: any committed write to an input table.
        await using (var connection = await ds.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO sourcing.department (name) VALUES ('Förvaltning för test')");
        }

        Assert.False(await cache.IsCurrentAsync("a", CancellationToken.None));
        Assert.Equal("value 3", await cache.GetAsync("a", Compute, CancellationToken.None));
        Assert.Equal("value 4", await cache.GetAsync("b", Compute, CancellationToken.None));
        Assert.Equal("value 3", await cache.GetAsync("a", Compute, CancellationToken.None));
    }

    [Fact]
    public async Task EveryTableOfTheSchema_CarriesTheTrigger_UnlessNamedAsNotAnInput()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<(string Table, bool Triggered)>(
            """
            SELECT c.relname, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'planning_input_change')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'sourcing' AND c.relkind IN ('r', 'p')
            """)).ToList();
        Assert.Contains(tables, t => t.Table == "workload");
        var wrong = tables.Where(t => t.Triggered == PlanningInputVersion.NotInputs.Contains(t.Table)).Select(t => t.Table).ToList();
        Assert.True(wrong.Count == 0,
            "A table of schema sourcing must either carry the planning_input_change trigger (a new migration adds it) "
            + "or be named in PlanningInputVersion.NotInputs: " + string.Join(", ", wrong));
    }

    private static ServiceProvider Services(NpgsqlDataSource ds, ScenarioStore store, IEstateSource estate)
    {
        var services = new ServiceCollection();
        services.AddSingleton(ds);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(store);
        services.AddSingleton(estate);
        services.AddSingleton(new WorkloadStore(ds, TimeProvider.System));
        services.AddSingleton(new AssessmentStore(ds));
        services.AddSingleton<OverviewStore>();
        services.AddTransient<PortfolioOverview>();
        services.AddSingleton<PlanningInputVersion>();
        services.AddSingleton<InputsCache>();
        services.AddSingleton<OverviewFigures>();
        return services.BuildServiceProvider();
    }

    private static async Task<List<double>> ExpectedAsync(ScenarioStore store)
    {
        var scenario = (await store.GetAsync("Utskrift", CancellationToken.None))!.Scenario;
        var prices = await store.GetPriceTableAsync(CloudPriceTable.Default.Region, null, CancellationToken.None);
        var plan = PlanCompiler.Compile(scenario, await new FakePlanningSystemSource().LoadAsync(CancellationToken.None), prices);
        return [.. Forecaster.Run(plan, PlanningAssumptions.ForScenario(scenario), withBreakEven: false).Years.Select(y => y.SurplusFte)];
    }

    private static Scenario Scenario(double retrainable) => new()
    {
        Name = "Utskrift",
        StartYear = 2026,
        HorizonYears = 4,
        Parameters = new Dictionary<string, double> { [ParameterKeys.RetrainableShare] = retrainable, [ParameterKeys.AttritionRate] = 2, [ParameterKeys.RetirementRate] = 1 },
        Rules = [new MoveRule { Name = "Avveckla utskrift", Filter = new SystemFilter { NameContains = ["utskrift"] }, Destination = Destination.Retire, Waves = [new Wave(2026)] }],
    };

    private sealed class CountingEstate : IEstateSource
    {
        private readonly FakePlanningSystemSource _inner = new();

        public int Loads { get; private set; }

        public Task<Estate> LoadAsync(CancellationToken cancellationToken)
        {
            Loads++;
            return _inner.LoadAsync(cancellationToken);
        }
    }

    private sealed class ShiftingClock : TimeProvider
    {
        private TimeSpan _shift;

        public void Shift(TimeSpan by) => _shift += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _shift;
    }
}
