using System.Text.Json.Nodes;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.VSphere;
using Sourcing.Tests.Simulators.VCenter;

namespace Sourcing.Tests.Collector.VSphere;

/// <summary>vCenter 8.0 U1+ read through VI/JSON bulk reads, against the simulator's VI/JSON.</summary>
public sealed class ViJsonCollectorTests : IDisposable
{
    private const string Retrieve = "/sdk/vim25/8.0.3.0/PropertyCollector/propertyCollector/RetrievePropertiesEx";
    private const string Continue = "/sdk/vim25/8.0.3.0/PropertyCollector/propertyCollector/ContinueRetrievePropertiesEx";
    private readonly VSphereTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Collect_Version803_ReadsThroughViJsonPagingAcrossSeveralTokens()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 120, Seed = 7, Version = "8.0.3", ViJsonMaxObjects = 25 });
        var progress = new RecordingProgress();

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), progress, CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        Assert.Equal("VI/JSON 8.0.3.0", result.ApiPath);
        VSphereCollectorTests.AssertMatchesEstate(sim.Estate, result);
        // 120 VMs in pages of 25: one RetrievePropertiesEx and four ContinueRetrievePropertiesEx, each with a new token.
        Assert.True(sim.CallsTo("POST", Continue) >= 4, string.Join("\n", sim.Requests));
        Assert.DoesNotContain(sim.Requests, r => r.StartsWith("GET /api/vcenter/vm", StringComparison.Ordinal));
        Assert.Equal(sim.CallsTo("POST", "/sdk/vim25/8.0.3.0/ViewManager/ViewManager/CreateContainerView"),
            sim.Requests.Count(r => r.EndsWith("/DestroyView", StringComparison.Ordinal)));
        Assert.Equal(sim.Calls, result.Calls);
        Assert.InRange(result.Calls, 10, 300); // the Automation API needs about two per VM, plus a tag read per tag
        Assert.Equal(2, sim.Logins); // VI/JSON's SessionManager, and /api for the tags
        Assert.Equal(2, sim.Logouts);
        Assert.Equal(0, sim.ActiveSessions);
        Assert.Equal((120, 120), progress.Reports[^1]);
        Assert.All(result.Resources.Where(r => r.Kind == ResourceKinds.Vm && r.PowerState == "on"), r => Assert.NotNull(r.Utilisation?.CpuPercent));
    }

    [Fact]
    public async Task Collect_Version703_FallsBackToRest()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 30, Seed = 3, Version = "7.0.3" });

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        Assert.Equal("REST /api", result.ApiPath);
        VSphereCollectorTests.AssertMatchesEstate(sim.Estate, result);
        Assert.Equal(1, sim.Requests.Count(r => r.Contains(" /sdk/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Collect_BothPaths_ProduceTheSameRecords()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 150, Seed = 21, Version = "8.0.3", ViJsonMaxObjects = 40 });
        var restKit = new VSphereTestKit { Options = _kit.Options with { PreferViJson = false } };
        using var _ = restKit;

        var rest = await restKit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);
        var viJson = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.Equal("REST /api", rest.ApiPath);
        Assert.Equal("VI/JSON 8.0.3.0", viJson.ApiPath);
        AssertSameRecords(rest.Resources, viJson.Resources);
        // At this size the tag reads (one per tag, the same on both paths) are most of VI/JSON's calls.
        Assert.True(viJson.Calls * 3 < rest.Calls, $"VI/JSON {viJson.Calls} calls, REST {rest.Calls}");
        Assert.InRange(sim.Requests.Count(r => r.Contains(" /sdk/", StringComparison.Ordinal)), 10, 40);
    }

    [Fact]
    public async Task Collect_SessionEndsEveryFewHundredCalls_RenewsAsOftenAsNeededAndCompletes()
    {
        // 3,000 VMs in pages of 10: about 300 VI/JSON calls, with sessions that end after 60 calls each.
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions
        {
            Vms = 3000, Seed = 5, Version = "8.0.3", ViJsonMaxObjects = 10, SessionExpiresAfterCalls = 60,
        });

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        VSphereCollectorTests.AssertMatchesEstate(sim.Estate, result);
        Assert.True(sim.Logins > 2 + _kit.Options.MaxReLogins, $"{sim.Logins} logins");
        // After a renewal the VMs still missing are asked for by reference, not read again from the start.
        Assert.Contains(sim.ViJsonBodies, b => b.Path.EndsWith("/RetrievePropertiesEx", StringComparison.Ordinal)
            && b.Body.Contains("\"skip\":false", StringComparison.Ordinal) && b.Body.Contains("\"vm-", StringComparison.Ordinal));
        Assert.Equal(3000, result.Resources.Count(r => r.Kind == ResourceKinds.Vm));
    }

    [Fact]
    public async Task Collect_TokenExpiresMidPaging_GoesOnWithTheMissingObjects()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 200, Seed = 9, Version = "8.0.3", ViJsonMaxObjects = 30 });
        sim.Faults.ExpireTokens(2);

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        VSphereCollectorTests.AssertMatchesEstate(sim.Estate, result);
        Assert.True(sim.CallsTo("POST", Retrieve) > 7, "the lost paging started again");
    }

    [Fact]
    public async Task Collect_SessionRefusedRightAfterEveryLogin_Fails()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 20, Seed = 4, Version = "8.0.3", SessionExpiresAfterCalls = 0 });

        var ex = await Assert.ThrowsAsync<VSphereException>(() =>
            _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None));

        Assert.Contains("kept ending the session", ex.ToString(), StringComparison.Ordinal);
        Assert.InRange(sim.Logins, 2, 2 * (2 + _kit.Options.MaxReLogins));
    }

    [Fact]
    public async Task Collect_ViJsonWrongPassword_ThrowsWithoutPassword()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5, Seed = 1, Version = "8.0.3" });
        const string wrong = "Fel-Losen-4711";

        var ex = await Assert.ThrowsAsync<VSphereException>(() =>
            _kit.Collector().CollectAsync(VSphereTestKit.Source(sim, password: wrong), new RecordingProgress(), CancellationToken.None));

        Assert.Contains("refused", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, _kit.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_ViJson503AndThrottling_RetriesAndCompletes()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 60, Seed = 6, Version = "8.0.3", ViJsonMaxObjects = 20 });
        sim.Faults.Fail503(3);
        sim.Faults.Throttle429(1);

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        VSphereCollectorTests.AssertMatchesEstate(sim.Estate, result);
    }

    [Fact]
    public async Task Collect_ViJsonPages_NextPageIsAskedForWhileThisOneIsWritten()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 120, Seed = 8, Version = "8.0.3", ViJsonMaxObjects = 25 });
        var sink = new WaitingSink(sim);

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), sink, new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        // The first VM page's write waited until the vCenter had been asked for the second page: the reads overlap the writes.
        Assert.True(sink.SawNextPageRequested, "the next page was not requested while the first was being written: " + sink.Trace);
        Assert.Equal(120, sink.Records.Count(r => r.Kind == ResourceKinds.Vm));
    }

    private sealed class WaitingSink(VCenterSimulator sim) : IResourceSink
    {
        public List<ResourceRecord> Records { get; } = [];

        public bool SawNextPageRequested { get; private set; }

        public string Trace { get; private set; } = "";

        private bool NextPageRequested() => AfterListing().Any(r => r.EndsWith("/ContinueRetrievePropertiesEx", StringComparison.Ordinal));

        private List<string> AfterListing()
        {
            var requests = sim.Requests.ToList();
            var listing = requests.FindLastIndex(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.EndsWith("/view", StringComparison.Ordinal));
            return [.. requests.Skip(listing + 1)];
        }

        public async ValueTask AddAsync(IReadOnlyList<ResourceRecord> batch, CancellationToken cancellationToken)
        {
            if (Records.Count == 0 && batch.Any(r => r.Kind == ResourceKinds.Vm))
            {
                // The VM pages follow the VM view's listing (GET .../view); the first page's write waits for the second page's request.
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (!NextPageRequested() && waited.Elapsed < TimeSpan.FromSeconds(20))
                {
                    await Task.Delay(20, cancellationToken);
                }

                SawNextPageRequested = NextPageRequested();
                Trace = $"first VM batch {batch.Count} records; requests after the VM view's listing: {string.Join(", ", AfterListing())}";
            }

            Records.AddRange(batch);
        }
    }

    internal static void AssertSameRecords(IReadOnlyList<ResourceRecord> expected, IReadOnlyList<ResourceRecord> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        var byId = actual.ToDictionary(r => r.ExternalId, StringComparer.Ordinal);
        foreach (var e in expected)
        {
            var a = byId[e.ExternalId];
            Assert.Equal(
                (e.Kind, e.Name, e.Datacenter, e.Cluster, e.Host, e.FolderPath, e.ResourceType, e.PowerState, e.GuestOs, e.OsFamily, e.OsVersion),
                (a.Kind, a.Name, a.Datacenter, a.Cluster, a.Host, a.FolderPath, a.ResourceType, a.PowerState, a.GuestOs, a.OsFamily, a.OsVersion));
            Assert.Equal((e.CpuCount, e.MemoryMib, e.StorageGib), (a.CpuCount, a.MemoryMib, a.StorageGib));
            Assert.Equal(e.Tags.OrderBy(t => t.Key), a.Tags.OrderBy(t => t.Key));
            Assert.True(JsonNode.DeepEquals(e.Attributes, a.Attributes), $"{e.ExternalId} attributes\nREST    {e.Attributes.ToJsonString()}\nVI/JSON {a.Attributes.ToJsonString()}");
        }
    }
}
