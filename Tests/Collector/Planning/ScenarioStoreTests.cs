using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Planning;

public sealed class ScenarioStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task SaveAsync_ThenGetAsync_RoundTripsAndUpdates()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero));
        var store = new ScenarioStore(database.DataSource, time);
        var scenario = ScenarioJsonTests.Full() with { Name = "Rundtur" };

        var id = await store.SaveAsync(scenario, CancellationToken.None);
        time.Now = time.Now.AddDays(1);
        var sameId = await store.SaveAsync(scenario with { Owner = "Ny ägare" }, CancellationToken.None);
        var stored = await store.GetAsync("Rundtur", CancellationToken.None);

        Assert.Equal(id, sameId);
        Assert.NotNull(stored);
        Assert.Equal("Ny ägare", stored.Summary.Owner);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero), stored.Summary.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 2, 8, 0, 0, TimeSpan.Zero), stored.Summary.UpdatedAt);
        Assert.Equal(ScenarioJson.Serialize(scenario with { Owner = "Ny ägare" }), ScenarioJson.Serialize(stored.Scenario));
        Assert.Null(await store.GetAsync("Finns inte", CancellationToken.None));
    }

    [Fact]
    public async Task SetBoardOrderAsync_NewOrder_ListsBoardFirstInOrderWithoutGaps()
    {
        var store = new ScenarioStore(database.DataSource, TimeProvider.System);
        foreach (var scenario in DemoScenarios.Create())
        {
            await store.SaveAsync(scenario, CancellationToken.None);
        }

        var names = DemoScenarios.Create().Select(s => s.Name).ToList();
        await store.SetBoardOrderAsync([names[0], names[2]], CancellationToken.None);
        // Swapped, with a name that does not exist in between: it is skipped and leaves no gap.
        await store.SetBoardOrderAsync([names[2], "Finns inte", names[0]], CancellationToken.None);

        var board = await store.BoardAsync(CancellationToken.None);
        Assert.Equal([names[2], names[0]], board.Select(s => s.Name));
        Assert.Equal([1, 2], board.Select(s => s.BoardPosition!.Value));
        var list = await store.ListAsync(CancellationToken.None);
        Assert.Equal([names[2], names[0], names[1]], list.Select(s => s.Name).Where(names.Contains));
        Assert.Null(list.Single(s => s.Name == names[1]).BoardPosition);

        await store.SetBoardOrderAsync([], CancellationToken.None);
        Assert.Empty(await store.BoardAsync(CancellationToken.None));
        Assert.True(await store.DeleteAsync(names[1], CancellationToken.None));
        Assert.DoesNotContain(await store.ListAsync(CancellationToken.None), s => s.Name == names[1]);
    }

    [Fact]
    public async Task GetPriceTableAsync_ReturnsNewestOnOrBeforeDate()
    {
        var store = new ScenarioStore(database.DataSource, TimeProvider.System);
        var older = CloudPriceTable.Default with { AsOf = new DateOnly(2025, 6, 1), Region = "prisprov", Source = "Gammal" };
        var newer = older with { AsOf = new DateOnly(2026, 4, 1), Source = "Ny", Rows = [new CloudPrice("D4s_v5", 4, 16, true, 2_100.5)] };
        await store.SavePriceTableAsync(older, CancellationToken.None);
        await store.SavePriceTableAsync(newer, CancellationToken.None);

        var latest = await store.GetPriceTableAsync("prisprov", null, CancellationToken.None);
        var then = await store.GetPriceTableAsync("prisprov", new DateOnly(2026, 1, 1), CancellationToken.None);

        Assert.NotNull(latest);
        Assert.Equal(new DateOnly(2026, 4, 1), latest.AsOf);
        Assert.Equal("Ny", latest.Source);
        Assert.Equal(2_100.5, Assert.Single(latest.Rows).SekPerMonth);
        Assert.NotNull(then);
        Assert.Equal(CloudPriceTable.Default.Rows.Count, then.Rows.Count);
        Assert.Null(await store.GetPriceTableAsync("annan", null, CancellationToken.None));
    }
}
