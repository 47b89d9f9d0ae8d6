using Sourcing.Collector.Azure;
using Sourcing.Collector.Inventory;
using Sourcing.Tests.Simulators.Azure;

namespace Sourcing.Tests.Collector.Azure;

public sealed class AzureCollectorTests
{
    private static readonly AzureSimulatorOptions Small = new() { ResourceCount = 120, PageSize = 7 };

    [Fact]
    public async Task Collect_SmallPages_FollowsNextLinkAndReturnsEveryResource()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small);
        var progress = new RecordingProgress();

        var result = await AzureTestSources.Collector(simulator).CollectAsync(AzureTestSources.Source(simulator), progress, CancellationToken.None);

        Assert.True(result.Complete, string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
        var expected = simulator.Estate.Subscriptions.SelectMany(s => s.Resources).Select(r => r.Id.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, result.Resources.Select(r => r.ExternalId).ToList());
        Assert.Contains(simulator.Requests, r => r.Query.Contains("$skiptoken=", StringComparison.Ordinal) && r.Path.EndsWith("/resources", StringComparison.Ordinal));
        Assert.Equal(simulator.ArmCalls, result.Calls);
        var last = progress.Reports.Last();
        Assert.Equal((2, 2), (last.Done, last.Total));
    }

    [Fact]
    public async Task Collect_SimulatedEstate_SendsThePinnedApiVersionsAndExpand()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small with { PageSize = 1000 });

        await AzureTestSources.Collector(simulator).CollectAsync(AzureTestSources.Source(simulator), new RecordingProgress(), CancellationToken.None);

        string VersionOf(string suffix) => simulator.Requests.First(r => r.Path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)).Query;
        Assert.Contains("api-version=2022-12-01", VersionOf("/subscriptions"), StringComparison.Ordinal);
        Assert.Contains("api-version=2022-09-01", VersionOf("/resourcegroups"), StringComparison.Ordinal);
        Assert.Contains("api-version=2022-09-01", VersionOf("/resources"), StringComparison.Ordinal);
        Assert.Contains("$expand=createdTime%2CchangedTime%2CprovisioningState", VersionOf("/resources"), StringComparison.Ordinal);
        Assert.Contains("api-version=2023-07-01", VersionOf("/virtualMachines"), StringComparison.Ordinal);
        Assert.Contains("api-version=2023-04-02", VersionOf("/disks"), StringComparison.Ordinal);
        Assert.Contains(simulator.Requests, r => r.Query.Contains("statusOnly=true", StringComparison.Ordinal));
        Assert.DoesNotContain(simulator.Requests, r => r.Path.EndsWith("/instanceView", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Collect_Throttled_WaitsRetryAfterThenCompletes()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small);
        simulator.ThrottleNext(1, retryAfterSeconds: 1);

        var result = await AzureTestSources.Collector(simulator).CollectAsync(AzureTestSources.Source(simulator), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(simulator.Estate.ResourceCount, result.Resources.Count);
        var requests = simulator.Requests.ToList();
        var throttled = requests.Single(r => r.Status == 429);
        // The retry of the throttled call: same path and query, answered after it. The test's own
        // back-off is 10 ms, so a gap of a second can only come from Retry-After.
        var retry = requests.First(r => r.At > throttled.At && r.Path == throttled.Path && r.Query == throttled.Query && r.Status == 200);
        Assert.True(retry.At - throttled.At >= TimeSpan.FromMilliseconds(900), $"retried after {(retry.At - throttled.At).TotalMilliseconds} ms");
        Assert.Equal(simulator.ArmCalls, result.Calls);
    }

    [Fact]
    public async Task Collect_TransientServerErrors_RetriedAndComplete()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small);
        simulator.FailNext(3, 503);

        var result = await AzureTestSources.Collector(simulator).CollectAsync(AzureTestSources.Source(simulator), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(simulator.Estate.ResourceCount, result.Resources.Count);
        Assert.Equal(3, simulator.Requests.Count(r => r.Status == 503));
    }

    [Fact]
    public async Task Collect_ForbiddenSubscription_PartialNamingItWithTheOthersReturned()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small with { ForbiddenSubscriptions = [1] });
        var allowed = simulator.Estate.Subscriptions[0];
        var forbidden = simulator.Estate.Subscriptions[1];

        var result = await AzureTestSources.Collector(simulator).CollectAsync(AzureTestSources.Source(simulator), new RecordingProgress(), CancellationToken.None);

        Assert.False(result.Complete);
        Assert.Contains(result.Errors, e => e.Contains(forbidden.Id, StringComparison.Ordinal) && e.Contains("403", StringComparison.Ordinal));
        Assert.Equal(allowed.Resources.Count, result.Resources.Count);
        Assert.All(result.Resources, r => Assert.Equal(allowed.Id, r.SubscriptionId));
    }

    [Fact]
    public async Task Collect_NamedSubscriptionForbidden_PartialWithTheOtherReturned()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small with { ForbiddenSubscriptions = [0] });
        var ids = simulator.Estate.Subscriptions.Select(s => s.Id).ToList();

        var result = await AzureTestSources.Collector(simulator).CollectAsync(AzureTestSources.Source(simulator, subscriptions: ids), new RecordingProgress(), CancellationToken.None);

        Assert.False(result.Complete);
        Assert.Single(result.Errors);
        Assert.Contains(ids[0], result.Errors[0], StringComparison.Ordinal);
        Assert.Equal(simulator.Estate.Subscriptions[1].Resources.Count, result.Resources.Count);
    }

    [Fact]
    public async Task Collect_EverySubscriptionForbidden_Throws()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small with { ForbiddenSubscriptions = [0, 1] });

        var error = await Assert.ThrowsAsync<AzureCollectException>(() =>
            AzureTestSources.Collector(simulator).CollectAsync(AzureTestSources.Source(simulator), new RecordingProgress(), CancellationToken.None));

        Assert.Contains(simulator.Estate.Subscriptions[1].Id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_ResourceRemovedBetweenScans_SecondScanLacksIt()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small);
        var collector = AzureTestSources.Collector(simulator);
        var source = AzureTestSources.Source(simulator);
        var first = await collector.CollectAsync(source, new RecordingProgress(), CancellationToken.None);
        var vm = first.Resources.First(r => r.Kind == ResourceKinds.Vm);

        Assert.True(simulator.Remove(vm.ExternalId));
        var second = await collector.CollectAsync(source, new RecordingProgress(), CancellationToken.None);

        Assert.True(second.Complete);
        Assert.Equal(first.Resources.Count - 1, second.Resources.Count);
        Assert.DoesNotContain(second.Resources, r => r.ExternalId == vm.ExternalId);
    }

    [Fact]
    public async Task Collect_WrongSecret_ThrowsWithoutTheSecretInLogsOrMessages()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small);
        const string wrongSecret = "Hemligt-Fel-9f7c2b41";
        var logs = new CapturingLoggerProvider();

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            AzureTestSources.Collector(simulator, logs).CollectAsync(AzureTestSources.Source(simulator, wrongSecret), new RecordingProgress(), CancellationToken.None));

        Assert.IsType<global::Azure.Identity.AuthenticationFailedException>(error);
        Assert.DoesNotContain(wrongSecret, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines, line => Assert.DoesNotContain(wrongSecret, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_Succeeds_SecretNeverInLogsOrRecords()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small with { ForbiddenSubscriptions = [1] });
        var secret = simulator.Options.ClientSecret;
        var logs = new CapturingLoggerProvider();

        var result = await AzureTestSources.Collector(simulator, logs).CollectAsync(AzureTestSources.Source(simulator), new RecordingProgress(), CancellationToken.None);

        Assert.NotEmpty(result.Resources);
        Assert.Contains(logs.Lines, l => l.Contains("azure-region", StringComparison.Ordinal));
        Assert.All(logs.Lines, line => Assert.DoesNotContain(secret, line, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.DoesNotContain(secret, e, StringComparison.Ordinal));
        Assert.All(result.Resources, r => Assert.DoesNotContain(secret, r.Raw?.ToJsonString() + r.Attributes.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_SimulatedVm_MapsSizeDisksPowerStateAndTags()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small);

        var result = await AzureTestSources.Collector(simulator).CollectAsync(AzureTestSources.Source(simulator), new RecordingProgress(), CancellationToken.None);

        var vms = simulator.Estate.Subscriptions.SelectMany(s => s.Resources).Where(r => r.Vm is not null).ToList();
        Assert.NotEmpty(vms);
        foreach (var vm in vms)
        {
            var record = result.Resources.Single(r => string.Equals(r.ExternalId, vm.Id, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(ResourceKinds.Vm, record.Kind);
            var size = vm.Vm!["properties"]!["hardwareProfile"]!["vmSize"]!.GetValue<string>();
            Assert.Equal(AzureVmSizes.Find(size)?.VCpus, record.CpuCount);
            Assert.Equal(AzureVmSizes.Find(size)?.MemoryMib, record.MemoryMib);
            Assert.Equal(AzureVmSizes.Find(size) is not null, record.Attributes["vmSizeKnown"]!.GetValue<bool>());
            var diskSizes = simulator.Estate.Subscriptions.SelectMany(s => s.Resources)
                .Where(r => r.Disk is not null && string.Equals(r.Disk["managedBy"]!.GetValue<string>(), vm.Id, StringComparison.Ordinal))
                .Sum(r => r.Disk!["properties"]!["diskSizeGB"]!.GetValue<int>());
            Assert.Equal(diskSizes, record.StorageGib);
            var power = vm.InstanceView!["statuses"]![1]!["code"]!.GetValue<string>();
            Assert.Equal(power == "PowerState/running" ? "on" : "off", record.PowerState);
            Assert.Equal(vm.Generic["tags"]!["System"]!.GetValue<string>(), record.Tags["System"]);
            Assert.Equal(vm.Generic["tags"]!["Förvaltning"]!.GetValue<string>(), record.Tags["Förvaltning"]);
            Assert.NotNull(record.OsFamily);
            Assert.Equal(vm.Zones, record.Attributes["availabilityZone"]?.GetValue<string>());
        }

        Assert.Contains(result.Resources, r => r.Kind == ResourceKinds.Vm && r.Attributes["vmSizeKnown"]!.GetValue<bool>() == false);
        var disk = result.Resources.First(r => r.ResourceType == "Microsoft.Compute/disks");
        Assert.Equal(ResourceKinds.CloudResource, disk.Kind);
        Assert.NotNull(disk.StorageGib);
        Assert.Contains(result.Resources, r => r.ResourceType == "Microsoft.Web/sites" && r.Kind == ResourceKinds.CloudResource);
        Assert.All(result.Resources, r => Assert.NotNull(r.Attributes["createdTime"]));
    }

    [Fact]
    public async Task Collect_HttpsSimulatorWithPinnedThumbprint_SignsInThroughTheAuthorityHost()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small with { Https = true });
        var source = AzureTestSources.Source(simulator) with { Settings = simulator.SourceSettings(), Thumbprint = simulator.Thumbprint };

        var result = await AzureTestSources.Collector(transport: null).CollectAsync(source, new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("; ", result.Errors));
        Assert.Equal(simulator.Estate.ResourceCount, result.Resources.Count);
        Assert.Contains(simulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && r.Status == 200);
    }

    [Fact]
    public async Task Collect_HttpsSimulatorWithWrongThumbprint_Throws()
    {
        await using var simulator = await AzureSimulator.StartAsync(Small with { Https = true });
        var source = AzureTestSources.Source(simulator) with { Settings = simulator.SourceSettings(), Thumbprint = new string('A', 64) };

        await Assert.ThrowsAnyAsync<Exception>(() =>
            AzureTestSources.Collector(transport: null).CollectAsync(source, new RecordingProgress(), CancellationToken.None));

        Assert.DoesNotContain(simulator.Requests, r => r.Path.StartsWith("/subscriptions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_EndpointDown_Throws()
    {
        Uri gone;
        await using (var simulator = await AzureSimulator.StartAsync(Small))
        {
            gone = simulator.BaseUri;
        }

        var source = new Sourcing.Collector.Sources.SourceDefinition
        {
            Name = "azure-down",
            Kind = "azure",
            Secret = new Sourcing.Collector.Sources.Secret(Small.ClientSecret),
            Settings = new System.Text.Json.Nodes.JsonObject { ["tenantId"] = Small.TenantId, ["clientId"] = Small.ClientId },
        };

        await Assert.ThrowsAnyAsync<Exception>(() =>
            AzureTestSources.Collector(_ => LoopbackRewriteHandler.Transport(gone)).CollectAsync(source, new RecordingProgress(), CancellationToken.None));
    }
}
