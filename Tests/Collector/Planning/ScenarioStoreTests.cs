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

        // Deleting a scenario on the board takes it off and closes the gap.
        Assert.True(await store.DeleteAsync(names[2], "test", CancellationToken.None));
        var after = await store.BoardAsync(CancellationToken.None);
        Assert.Equal([(names[0], 1)], after.Select(s => (s.Name, s.BoardPosition!.Value)));
        Assert.True(await store.RestoreAsync(names[2], CancellationToken.None));

        await store.SetBoardOrderAsync([], CancellationToken.None);
        Assert.Empty(await store.BoardAsync(CancellationToken.None));
        Assert.True(await store.DeleteAsync(names[1], "test", CancellationToken.None));
        Assert.DoesNotContain(await store.ListAsync(CancellationToken.None), s => s.Name == names[1]);
    }

    [Fact]
    public async Task DeleteAsync_HidesScenarioEverywhereUntilRestored()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new ScenarioStore(database.DataSource, time);
        var scenario = ScenarioJsonTests.Full() with { Name = "Att ta bort" };
        await store.SaveAsync(scenario, CancellationToken.None);

        Assert.True(await store.DeleteAsync("Att ta bort", "anna", CancellationToken.None));
        Assert.False(await store.DeleteAsync("Att ta bort", "anna", CancellationToken.None)); // already deleted

        Assert.Null(await store.GetAsync("Att ta bort", CancellationToken.None));
        Assert.DoesNotContain(await store.ListAsync(CancellationToken.None), s => s.Name == "Att ta bort");
        await store.SetBoardOrderAsync(["Att ta bort"], CancellationToken.None); // a deleted scenario cannot go on the board
        Assert.Empty(await store.BoardAsync(CancellationToken.None));
        var deleted = Assert.Single(await store.ListDeletedAsync(CancellationToken.None), d => d.Name == "Att ta bort");
        Assert.Equal("anna", deleted.DeletedBy);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero), deleted.RestorableUntil);

        time.Now = time.Now.AddDays(29);
        Assert.True(await store.RestoreAsync("Att ta bort", CancellationToken.None));
        var restored = await store.GetAsync("Att ta bort", CancellationToken.None);
        Assert.NotNull(restored);
        Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(restored.Scenario));
        Assert.DoesNotContain(await store.ListDeletedAsync(CancellationToken.None), d => d.Name == "Att ta bort");
    }

    [Fact]
    public async Task RestoreAsync_After30Days_IsRefusedAndScenarioPurged()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var store = new ScenarioStore(database.DataSource, time);
        await store.SaveAsync(ScenarioJsonTests.Full() with { Name = "Gammal" }, CancellationToken.None);
        await store.SaveAsync(ScenarioJsonTests.Full() with { Name = "Nyare" }, CancellationToken.None);
        await store.DeleteAsync("Gammal", "anna", CancellationToken.None);
        time.Now = time.Now.AddDays(10);
        await store.DeleteAsync("Nyare", "anna", CancellationToken.None);

        // 30 days after the first delete, 20 after the second: only the first has expired.
        time.Now = new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero);
        Assert.False(await store.RestoreAsync("Gammal", CancellationToken.None));
        Assert.Equal(1, await store.PurgeExpiredAsync(CancellationToken.None));
        var left = await store.ListDeletedAsync(CancellationToken.None);
        Assert.DoesNotContain(left, d => d.Name == "Gammal");
        Assert.Contains(left, d => d.Name == "Nyare");

        // The purged name is free again; saving it starts a new scenario.
        await store.SaveAsync(ScenarioJsonTests.Full() with { Name = "Gammal", Owner = "ny" }, CancellationToken.None);
        Assert.Equal("ny", (await store.GetAsync("Gammal", CancellationToken.None))!.Summary.Owner);
        Assert.True(await store.RestoreAsync("Nyare", CancellationToken.None));
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
