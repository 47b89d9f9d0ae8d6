using Sourcing.Collector.Inventory;
using Sourcing.Collector.VSphere;
using Sourcing.Tests.Simulators.VCenter;

namespace Sourcing.Tests.Collector.VSphere;

public sealed class VSphereCollectorTests : IDisposable
{
    private readonly VSphereTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Collect_ApiOrRest_MatchesEstate(bool apiDisabled)
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 120, Seed = 7, ApiDisabled = apiDisabled });
        var progress = new RecordingProgress();

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), progress, CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        Assert.Empty(result.Errors);
        Assert.Equal(0, result.Skipped);
        AssertMatchesEstate(sim.Estate, result);
        Assert.Equal(sim.Calls, result.Calls);
        Assert.Equal(1, sim.Logins);
        Assert.Equal(1, sim.Logouts);
        Assert.Equal(0, sim.ActiveSessions);
        Assert.Equal((120, 120), progress.Reports[^1]);
        var prefix = apiDisabled ? "/rest/" : "/api/";
        // The first request asks for VI/JSON's ServiceInstance content; a 7.0 U3 vCenter has none (404).
        Assert.StartsWith("GET /sdk/vim25/8.0.1.0/ServiceInstance/ServiceInstance/content", sim.Requests.First(), StringComparison.Ordinal);
        Assert.All(sim.Requests.Skip(apiDisabled ? 2 : 1), r => Assert.Contains(" " + prefix, r, StringComparison.Ordinal));
        Assert.Equal(apiDisabled ? "REST /rest" : "REST /api", result.ApiPath);
    }

    [Fact]
    public async Task Collect_MoreVmsThanCap_SplitsPerClusterAndListsEachOnce()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 120, Seed = 3, VmListCap = 50 });

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        AssertMatchesEstate(sim.Estate, result);
        Assert.Contains(sim.Requests, r => r.StartsWith("GET /api/vcenter/vm?clusters=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_OneHostOverCap_SplitsDownToFolders()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions
        {
            Vms = 120, Seed = 5, VmListCap = 50, Clusters = 1, HostsPerCluster = 1,
        });

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        AssertMatchesEstate(sim.Estate, result);
        Assert.Contains(sim.Requests, r => r.Contains("/api/vcenter/vm?hosts=", StringComparison.Ordinal) && r.Contains("&folders=", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_Default_CapIs4000()
    {
        Assert.Equal(4000, new VCenterSimulatorOptions().VmListCap);
        Assert.Equal(4000, new VCenterFaults().VmListCap);
    }

    [Fact]
    public async Task Collect_SessionExpiresMidScan_LogsInAgainAndCompletes()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 60, Seed = 2, SessionExpiresAfterCalls = 150 });

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        AssertMatchesEstate(sim.Estate, result);
        // About 400 calls with sessions of 150: a few new logins, each by one request while the others wait.
        Assert.InRange(sim.Logins, 2, 1 + _kit.Options.MaxReLogins);
        Assert.Equal(1, sim.Logouts);
    }

    [Fact]
    public async Task Collect_Throttled429_WaitsRetryAfterAndCompletes()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 30, Seed = 4 });
        sim.Faults.RetryAfterSeconds = 7;
        sim.Faults.Throttle429(3);

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        AssertMatchesEstate(sim.Estate, result);
        Assert.Equal(3, _kit.Time.Delays.Count(d => d == TimeSpan.FromSeconds(7)));
    }

    [Fact]
    public async Task Collect_Burst503AndResets_RetriesWithBackoffAndCompletes()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 30, Seed = 4 });
        sim.Faults.Fail503(3);
        sim.Faults.ResetConnections(2);

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        AssertMatchesEstate(sim.Estate, result);
        Assert.Equal(5, _kit.Time.Delays.Count);
        Assert.All(_kit.Time.Delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(800)));
    }

    [Fact]
    public async Task Collect_TaggingDownBeyondRetries_ReturnsIncompleteWithVms()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 20, Seed = 4 });
        sim.Faults.BrokenPaths["/api/cis/tagging"] = true;

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.False(result.Complete);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("tags:", error, StringComparison.Ordinal);
        Assert.Contains("503", error, StringComparison.Ordinal);
        Assert.Equal(20, result.Resources.Count(r => r.Kind == ResourceKinds.Vm));
        Assert.Equal(4, sim.CallsTo("GET", "/api/cis/tagging/category"));
    }

    [Fact]
    public async Task Collect_EveryListFails_Throws()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 20, Seed = 4 });
        sim.Faults.BrokenPaths["/api/vcenter"] = true;
        sim.Faults.BrokenPaths["/api/cis"] = true;

        var ex = await Assert.ThrowsAsync<VSphereException>(() =>
            _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None));

        Assert.Contains("Nothing could be listed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, sim.Logouts);
    }

    [Fact]
    public async Task Collect_VmDeletedBetweenListAndDetail_SkipsAndCounts()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 40, Seed = 8 });
        var gone = sim.Estate.Vms.Take(2).Select(v => v.Id).ToList();
        foreach (var id in gone)
        {
            sim.Faults.VanishingVms[id] = true;
        }

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Skipped);
        var vms = result.Resources.Where(r => r.Kind == ResourceKinds.Vm).ToList();
        Assert.Equal(38, vms.Count);
        Assert.DoesNotContain(vms, v => gone.Contains(v.ExternalId));
    }

    [Fact]
    public async Task Collect_EstateChangedBetweenScans_SeesTheChange()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 20, Seed = 9 });
        var first = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);
        var resized = sim.Estate.Vms[0].Id;
        var deleted = sim.Estate.Vms[1].Id;
        sim.Estate.ResizeVm(resized, 12, 49152);
        sim.Estate.DeleteVm(deleted);

        var second = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.Contains(first.Resources, r => r.ExternalId == deleted);
        Assert.DoesNotContain(second.Resources, r => r.ExternalId == deleted);
        var vm = second.Resources.Single(r => r.ExternalId == resized);
        Assert.Equal(12, vm.CpuCount);
        Assert.Equal(49152, vm.MemoryMib);
    }

    [Fact]
    public async Task Collect_SourceDown_ThrowsNamingUrl()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5, Seed = 1 });
        sim.Faults.Down = true;

        var ex = await Assert.ThrowsAsync<VSphereException>(() =>
            _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None));

        Assert.Contains(sim.Url, ex.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sim.Options.Password, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_NothingListening_Throws()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 1, Seed = 1 });
        var source = VSphereTestKit.Source(sim) with { Url = "https://127.0.0.1:1" };

        var ex = await Assert.ThrowsAsync<VSphereException>(() => _kit.Collector().CollectAsync(source, new RecordingProgress(), CancellationToken.None));

        Assert.Contains("https://127.0.0.1:1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_WrongPassword_ThrowsWithoutPassword()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5, Seed = 1 });
        const string wrong = "Hemligt-Fel-9876";

        var ex = await Assert.ThrowsAsync<VSphereException>(() =>
            _kit.Collector().CollectAsync(VSphereTestKit.Source(sim, password: wrong), new RecordingProgress(), CancellationToken.None));

        Assert.Contains("refused", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, _kit.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_WrongPin_Refused()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5, Seed = 1 });
        var wrongPin = new string('A', 64);

        var ex = await Assert.ThrowsAsync<VSphereException>(() =>
            _kit.Collector().CollectAsync(VSphereTestKit.Source(sim, thumbprint: wrongPin), new RecordingProgress(), CancellationToken.None));

        Assert.Contains("does not match the pinned thumbprint", ex.Message, StringComparison.Ordinal);
        Assert.Contains(sim.Thumbprint, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.Logins);
    }

    [Fact]
    public async Task Collect_RightPinWithColonsLowerCase_Accepted()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5, Seed = 1 });
        var pin = string.Join(':', sim.Thumbprint.ToLowerInvariant().Chunk(2).Select(c => new string(c)));

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim, thumbprint: pin), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(5, result.Resources.Count(r => r.Kind == ResourceKinds.Vm));
    }

    [Fact]
    public async Task Collect_NoPinSelfSigned_Refused()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5, Seed = 1 });

        var ex = await Assert.ThrowsAsync<VSphereException>(() =>
            _kit.Collector().CollectAsync(VSphereTestKit.Source(sim, thumbprint: null), new RecordingProgress(), CancellationToken.None));

        Assert.Contains("not trusted", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.Logins);
    }

    [Fact]
    public async Task Collect_Insecure_AcceptedWithWarning()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5, Seed = 1 });
        var source = VSphereTestKit.Source(sim, thumbprint: null) with { Insecure = true };

        var result = await _kit.Collector().CollectAsync(source, new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Contains(_kit.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Text.Contains("Insecure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_WithFaults_PasswordNeverInLogsOrUrls()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 40, Seed = 6, SessionExpiresAfterCalls = 30 });
        sim.Faults.Fail503(2);
        sim.Faults.Throttle429(1);
        sim.Faults.VanishingVms[sim.Estate.Vms[0].Id] = true;

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.NotEmpty(_kit.Logs.Lines);
        Assert.Contains(_kit.Logs.Lines, l => l.Text.Contains("503", StringComparison.Ordinal));
        Assert.DoesNotContain(sim.Options.Password, _kit.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(sim.Requests, r => r.Contains(sim.Options.Password, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Errors, e => e.Contains(sim.Options.Password, StringComparison.Ordinal));
        Assert.DoesNotContain(sim.Options.Password, System.Text.Json.JsonSerializer.Serialize(result.Resources.Select(r => r.Raw)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_MaxConcurrency4_NeverMoreInFlight()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 80, Seed = 10, LatencyMs = 5 });

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim, maxConcurrency: 4), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete);
        Assert.InRange(sim.MaxInFlight, 2, 4);
    }

    /// <summary>Every VM, host, cluster, datacenter and VM folder of the estate, with the fields that matter.</summary>
    internal static void AssertMatchesEstate(VCenterEstate estate, CollectResult result)
    {
        var vms = result.Resources.Where(r => r.Kind == ResourceKinds.Vm).ToDictionary(r => r.ExternalId);
        Assert.Equal(estate.VmCount, vms.Count);
        Assert.Equal(estate.Hosts.Count, result.Resources.Count(r => r.Kind == ResourceKinds.Host));
        Assert.Equal(estate.Clusters.Count, result.Resources.Count(r => r.Kind == ResourceKinds.Cluster));
        Assert.Equal(estate.Datacenters.Count, result.Resources.Count(r => r.Kind == ResourceKinds.Datacenter));
        Assert.Equal(estate.Datastores.Count, result.Resources.Count(r => r.Kind == ResourceKinds.Datastore));
        Assert.Equal(estate.Folders.Count(f => f.Type == "VIRTUAL_MACHINE"), result.Resources.Count(r => r.Kind == ResourceKinds.Folder));

        foreach (var sim in estate.Vms)
        {
            var vm = vms[sim.Id];
            Assert.Equal(sim.Name, vm.Name);
            Assert.Equal(sim.CpuCount, vm.CpuCount);
            Assert.Equal(sim.MemoryMib, vm.MemoryMib);
            Assert.Equal(Math.Round(sim.StorageBytes / (1024m * 1024m * 1024m), 3), vm.StorageGib);
            Assert.Equal(estate.FolderPath(sim.FolderId), vm.FolderPath);
            Assert.Equal(estate.Host(sim.HostId).Name, vm.Host);
            Assert.Equal(estate.ClusterOf(sim)?.Name, vm.Cluster);
            Assert.Equal(estate.DatacenterOf(sim).Name, vm.Datacenter);
            Assert.Equal(sim.PowerState switch { "POWERED_ON" => "on", "POWERED_OFF" => "off", _ => "suspended" }, vm.PowerState);
            Assert.Equal(sim.GuestFamily.ToLowerInvariant(), vm.OsFamily);
            Assert.Equal(estate.TagMapOf(sim.Id), vm.Tags);
            Assert.Equal(sim.InstanceUuid, (string?)vm.Attributes["instance_uuid"]);
            Assert.Equal(sim.HardwareVersion, (string?)vm.Attributes["hardware_version"]);
            Assert.Equal(sim.Disks.Count, vm.Attributes["disks"]!.AsArray().Count);
            Assert.Equal(sim.Nics.Count, vm.Attributes["nics"]!.AsArray().Count);
            var toolsUp = sim.ToolsRunning && sim.PowerState == "POWERED_ON";
            Assert.Equal(toolsUp, (bool?)vm.Attributes["tools_running"]);
            Assert.Equal(toolsUp ? sim.GuestFullName : sim.GuestOs, vm.GuestOs);
            Assert.Equal(toolsUp ? sim.IpAddress : null, (string?)vm.Attributes["ip"]);
            Assert.Equal(toolsUp ? sim.HostName : null, (string?)vm.Attributes["hostname"]);
            Assert.True(vm.Raw?["info"] is not null || vm.Raw?["config.hardware.device"] is not null, "raw vendor JSON kept"); // REST or VI/JSON
        }
    }
}
