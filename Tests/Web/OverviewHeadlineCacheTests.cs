using Dapper;
using Npgsql;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Planning;
using Sourcing.Collector.Workloads;
using Sourcing.Tests.Support;
using Sourcing.Web.Overview;

namespace Sourcing.Tests.Web;

/// <summary>
/// The overview keeps the board's first scenario's headline under the planning inputs' version
/// (migration 0090): computed once, computed again after any committed change to what the forecast
/// reads, and always equal to what the forecast gives for the stored scenario.
/// </summary>
public sealed class OverviewHeadlineCacheTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Headline_KeptUntilAnInputChanges_ThenEqualsTheForecastAgain()
    {
        var ds = database.DataSource;
        var store = new ScenarioStore(ds, TimeProvider.System);
        await store.SaveAsync(Scenario(retrainable: 50), CancellationToken.None);
        await store.SetBoardOrderAsync(["Utskrift"], CancellationToken.None);
        var estate = new CountingEstate();
        var overview = Overview(ds, store, estate, new HeadlineCache());

        var first = (await overview.SummaryAsync(CancellationToken.None)).Scenario!;
        var again = (await overview.SummaryAsync(CancellationToken.None)).Scenario!;
        Assert.Equal(1, estate.Loads);
        Assert.Same(first, again);
        Assert.Equal(await ExpectedAsync(store, estate), first.Years.Select(y => y.SurplusFte));

        // A write to a table the forecast does not read (a user account) keeps the headline.
        await using (var connection = await ds.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO sourcing.app_user (user_name, display_name, roles) VALUES ('x', 'X', '{Drift}')");
        }

        await overview.SummaryAsync(CancellationToken.None);
        Assert.Equal(1, estate.Loads);

        // Nobody can be retrained any more: the same ten freed FTE are now surplus. The next view computes anew.
        await store.SaveAsync(Scenario(retrainable: 0), CancellationToken.None);
        var changed = (await overview.SummaryAsync(CancellationToken.None)).Scenario!;
        Assert.Equal(2, estate.Loads);
        Assert.Equal(await ExpectedAsync(store, estate), changed.Years.Select(y => y.SurplusFte));
        Assert.NotEqual(first.Years.Select(y => y.SurplusFte), changed.Years.Select(y => y.SurplusFte));
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

    private static PortfolioOverview Overview(NpgsqlDataSource ds, ScenarioStore store, IEstateSource estate, HeadlineCache cache) =>
        new(ds, new WorkloadStore(ds, TimeProvider.System), new AssessmentStore(ds), store, estate,
            new PlanningInputVersion(ds, TimeProvider.System), cache, TimeProvider.System);

    private static async Task<List<double>> ExpectedAsync(ScenarioStore store, IEstateSource estate)
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
