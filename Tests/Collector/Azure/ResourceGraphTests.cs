using System.Diagnostics;
using Dapper;
using Sourcing.Collector.Azure;
using Sourcing.Collector.Sources;
using Sourcing.Tests.Simulators.Azure;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Azure;

/// <summary>The Resource Graph path against the simulated Azure: paging, quota, fallback to the lists, and the same stored inventory as the lists.</summary>
public sealed class ResourceGraphTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Collect_ResourceGraph_PagesOverSkipTokensAndReturnsWhatTheListsReturn()
    {
        await using var simulator = await AzureSimulator.StartAsync(new AzureSimulatorOptions { ResourceCount = 2300, SubscriptionCount = 3, PageSize = 200, ResourceGraphQuota = 1000 });
        var source = AzureTestSources.Source(simulator);

        var lists = await AzureTestSources.Collector(simulator).CollectAsync(source, new RecordingProgress(), CancellationToken.None);
        var listCalls = simulator.ArmCalls;
        var graph = await AzureTestSources.Collector(simulator, resourceGraph: true).CollectAsync(source, new RecordingProgress(), CancellationToken.None);

        Assert.True(graph.Complete, string.Join("; ", graph.Errors));
        Assert.Empty(graph.Errors);
        Assert.Equal(AzureCollector.ResourceGraphPath, graph.ApiPath);
        Assert.Equal(lists.Resources.Select(r => r.ExternalId), graph.Resources.Select(r => r.ExternalId));
        // Subscriptions + groups + resources, 1,000 rows a page: three pages, each after the first with the previous $skipToken.
        var rows = simulator.Estate.ResourceCount + simulator.Estate.Subscriptions.Sum(s => s.Groups.Count + 1);
        Assert.Equal((rows + 999) / 1000, simulator.GraphCalls);
        Assert.Equal(listCalls + 1, simulator.ArmCalls); // the subscriptions list only
        Assert.Equal(1 + simulator.GraphCalls, graph.Calls);
        Assert.True(graph.Calls < listCalls / 5, $"{graph.Calls} Resource Graph calls vs {listCalls} list calls");
    }

    [Fact]
    public async Task Collect_QuotaSpent_WaitsForTheWindowInsteadOfBeingThrottled()
    {
        // 2 queries a second and 7 pages: the collector must wait for three window renewals, never draw a 429.
        await using var simulator = await AzureSimulator.StartAsync(new AzureSimulatorOptions
        {
            ResourceCount = 600, ResourceGraphQuota = 2, ResourceGraphQuotaWindow = TimeSpan.FromSeconds(1),
        });
        var collector = new AzureCollector(
            Microsoft.Extensions.Options.Options.Create(new AzureCollectorOptions
            {
                TransportFactory = _ => LoopbackRewriteHandler.Transport(simulator.BaseUri),
                RetryDelay = TimeSpan.FromMilliseconds(10),
                MaxRetries = 0, // a 429 would fail the query: only waiting can get through
                ResourceGraphPageSize = 100,
            }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AzureCollector>.Instance);
        var clock = Stopwatch.StartNew();

        var result = await collector.CollectAsync(AzureTestSources.Source(simulator), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("; ", result.Errors));
        Assert.Equal(AzureCollector.ResourceGraphPath, result.ApiPath);
        Assert.Equal(0, simulator.GraphThrottled);
        Assert.True(simulator.GraphCalls >= 7, $"{simulator.GraphCalls} pages");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}: the quota windows were not waited for");
        var graphTimes = simulator.Requests.Where(r => r.Path.Contains("ResourceGraph", StringComparison.Ordinal)).Select(r => r.At).Order().ToList();
        Assert.All(graphTimes.Skip(2).Zip(graphTimes), pair => Assert.True(pair.First - pair.Second >= TimeSpan.FromMilliseconds(900),
            $"three queries within {pair.First - pair.Second}"));
    }

    [Fact]
    public async Task Collect_SubscriptionResourceGraphCannotRead_NamedAndReadThroughTheLists()
    {
        await using var simulator = await AzureSimulator.StartAsync(new AzureSimulatorOptions { ResourceCount = 400, SubscriptionCount = 3, ResourceGraphHiddenSubscriptions = [1] });
        var hidden = simulator.Estate.Subscriptions[1];
        var source = AzureTestSources.Source(simulator);

        var lists = await AzureTestSources.Collector(simulator).CollectAsync(source, new RecordingProgress(), CancellationToken.None);
        var before = simulator.Requests.Count;
        var graph = await AzureTestSources.Collector(simulator, resourceGraph: true).CollectAsync(source, new RecordingProgress(), CancellationToken.None);
        var graphRequests = simulator.Requests.Skip(before).ToList();

        Assert.True(graph.Complete); // read in full, through the lists
        var error = Assert.Single(graph.Errors);
        Assert.Contains(hidden.Id, error, StringComparison.Ordinal);
        Assert.Contains("Resource Graph", error, StringComparison.Ordinal);
        Assert.Equal("Resource Graph + ARM-listor (1 av 3 prenumerationer)", graph.ApiPath);
        Assert.Equal(lists.Resources.Select(r => r.ExternalId), graph.Resources.Select(r => r.ExternalId));
        Assert.Contains(graphRequests, r => r.Path.StartsWith($"/subscriptions/{hidden.Id}/resources", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(graphRequests,
            r => r.Path.StartsWith($"/subscriptions/{simulator.Estate.Subscriptions[0].Id}/resources", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Scan_ListsThenResourceGraph_SameStoredInventoryBesidesTheListOnlyTimes()
    {
        await using var simulator = await AzureSimulator.StartAsync(new AzureSimulatorOptions { ResourceCount = 500, SubscriptionCount = 2, Seed = 77 });
        Environment.SetEnvironmentVariable("SOURCING_SECRET_TEST_ARG", simulator.Options.ClientSecret);
        var lists = new CollectorHarness(database, AzureTestSources.Collector(simulator));
        var graph = new CollectorHarness(database, AzureTestSources.Collector(simulator, resourceGraph: true));
        var listSource = await AddSourceAsync(lists, simulator, "lists");
        var graphSource = await AddSourceAsync(graph, simulator, "graph");

        var listScan = await lists.Runner().RunAsync(listSource, "test", CancellationToken.None);
        var graphScan = await graph.Runner().RunAsync(graphSource, "test", CancellationToken.None);

        Assert.Equal(("succeeded", "succeeded"), (listScan.Status, graphScan.Status));
        // createdTime/changedTime come from Resources_List `$expand` only; Resource Graph has no such columns.
        const string Columns =
            """
            external_id, kind, name, subscription_id, resource_group, resource_type, location, power_state, guest_os, os_family,
            os_version, cpu_count, memory_mib, storage_gib, tags::text AS tags, (attributes - 'createdTime' - 'changedTime')::text AS attributes
            """;
        await using var connection = await database.DataSource.OpenConnectionAsync();
        async Task<List<string>> RowsAsync(long source) =>
            [.. (await connection.QueryAsync($"SELECT {Columns} FROM sourcing.resource WHERE source_id = @source ORDER BY external_id", new { source }))
                .Select(r => (string)System.Text.Json.JsonSerializer.Serialize(r))];
        var listRows = await RowsAsync(listSource);
        var graphRows = await RowsAsync(graphSource);
        Assert.Equal(simulator.Estate.ResourceCount, graphRows.Count);
        Assert.Equal(listRows, graphRows);
        Assert.Equal("Resource Graph", (await graph.Scans.GetAsync(graphScan.ScanId!.Value, CancellationToken.None))!.ApiPath);
        Assert.Equal("ARM-listor", (await lists.Scans.GetAsync(listScan.ScanId!.Value, CancellationToken.None))!.ApiPath);
    }

    private static Task<long> AddSourceAsync(CollectorHarness harness, AzureSimulator simulator, string name) =>
        harness.Sources.AddAsync(new NewSource
        {
            Name = name + "-" + Guid.NewGuid().ToString("N")[..6],
            Kind = "azure",
            SecretEnv = "SOURCING_SECRET_TEST_ARG",
            Settings = new System.Text.Json.Nodes.JsonObject
            {
                ["tenantId"] = simulator.Options.TenantId,
                ["clientId"] = simulator.Options.ClientId,
                ["credential"] = "secret",
                ["subscriptions"] = new System.Text.Json.Nodes.JsonArray(),
            },
        }, CancellationToken.None);
}
