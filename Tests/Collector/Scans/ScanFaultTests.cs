using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;
using Sourcing.Collector.Sources;
using Sourcing.Collector.VSphere;
using Sourcing.Tests.Simulators.VCenter;
using Sourcing.Tests.Support;
using Xunit.Abstractions;

namespace Sourcing.Tests.Collector.Scans;

/// <summary>
/// Merge, never degrade: the real scan chain (ScanRunner, VSphereCollector with its default retry settings and the real
/// clock, PostgreSQL) against the simulated vCenter with faults injected mid-scan. What was known is never lost.
/// </summary>
public sealed class ScanFaultTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    // Everything the product shows of a resource; bookkeeping (last seen, hash, stale marks) is left out.
    private const string StateSql =
        """
        SELECT external_id AS Id, row_to_json(x)::text AS Json FROM (
            SELECT external_id, kind, name, datacenter, cluster, host, folder_path, power_state, guest_os, os_family, os_version,
                   cpu_count, memory_mib, storage_gib, tags, attributes, raw, removed_at
            FROM sourcing.resource WHERE source_id = @sourceId) x
        ORDER BY external_id
        """;

    [Fact]
    public async Task Scan_VCenterDiesMidScan_EveryFieldAsBeforeNoHistoryEndsQuickly()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 400, Clusters = 2, HostsPerCluster = 3 });
        var (harness, sourceId) = await SetUpAsync(sim, "dies");
        var first = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        Assert.Equal("succeeded", first.Status);
        var before = await StateAsync(sourceId);

        // The second scan gets as far as the VM details; those in flight are answered, then the vCenter is gone.
        sim.ResetCounters();
        sim.Faults.HoldVmRequests();
        var watch = Stopwatch.StartNew();
        var second = harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        await WaitForAsync(() => sim.Requests.Any(r => r.StartsWith("GET /api/vcenter/vm/", StringComparison.Ordinal)));
        sim.Faults.Down = true;
        var goneAt = watch.Elapsed;
        sim.Faults.Release();
        var result = await second;
        var took = watch.Elapsed - goneAt;

        Assert.True(result.Status == "partial", string.Join("\n", result.Errors));
        Assert.True(took < TimeSpan.FromMinutes(1), $"the scan ran {took} after the vCenter went away");
        var diff = await StateAsync(sourceId);
        Assert.True(result.Changed == 0, string.Join("\n", diff.Where(d => before[d.Key] != d.Value).Take(3).Select(d => before[d.Key] + "\n=>\n" + d.Value)));
        Assert.Equal((0, 0, 0), (result.Added, result.Changed, result.Removed));
        Assert.Equal(before, await StateAsync(sourceId));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.resource_history WHERE scan_id = @id", new { id = result.ScanId }));
        var stale = await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sourcing.resource WHERE source_id = @sourceId AND kind = 'vm' AND cardinality(stale_fields) > 0 AND fields_read_at IS NOT NULL",
            new { sourceId });
        output.WriteLine($"vCenter gone: scan ended {took.TotalSeconds:F1} s later, {sim.Calls} requests, {stale} of 400 VMs kept stale");
        Assert.InRange(stale, 300, 400);

        // The vCenter is back: a complete scan clears the stale marks and records nothing, since nothing changed.
        sim.Faults.Down = false;
        var third = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        Assert.Equal(("succeeded", 0, 0), (third.Status, third.Changed, third.Added));
        Assert.Equal(before, await StateAsync(sourceId));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.resource_history WHERE scan_id = @id", new { id = third.ScanId }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sourcing.resource WHERE source_id = @sourceId AND (cardinality(stale_fields) > 0 OR fields_read_at IS NOT NULL)", new { sourceId }));
    }

    [Fact]
    public async Task Scan_OneHostsVmDetailsFail_TheirKnownFieldsStayOthersUpdate()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 60, Clusters = 1, HostsPerCluster = 3, Seed = 7 });
        var (harness, sourceId) = await SetUpAsync(sim, "host-fails");
        Assert.Equal("succeeded", (await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None)).Status);
        var before = await StateAsync(sourceId);

        var host = sim.Estate.Hosts[0].Id;
        var broken = sim.Estate.Vms.Where(v => v.HostId == host).Select(v => v.Id).ToList();
        var others = sim.Estate.Vms.Where(v => v.HostId != host).Select(v => v.Id).ToList();
        Assert.NotEmpty(broken);
        Assert.All(sim.Estate.Vms, v => Assert.Matches("^vm-[0-9]{4}$", v.Id)); // so one id is never the prefix of another
        foreach (var vm in broken)
        {
            // Details and guest identity of this host's VMs answer 503, every try.
            sim.Faults.BrokenPaths[$"/api/vcenter/vm/{vm}"] = true;
        }

        // One real change elsewhere, which must come through.
        sim.Estate.ResizeVm(others[0], 16, 65536);

        var result = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        Assert.Equal("partial", result.Status);
        var after = await StateAsync(sourceId);
        foreach (var vm in broken)
        {
            Assert.Equal(before[vm], after[vm]);
        }

        Assert.Contains("\"cpu_count\":16", after[others[0]], StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var history = (await connection.QueryAsync<string>(
            """
            SELECT r.external_id FROM sourcing.resource_history h JOIN sourcing.resource r ON r.id = h.resource_id
            WHERE h.scan_id = @id
            """, new { id = result.ScanId })).ToList();
        Assert.Equal([others[0]], history);
        var staleFields = (await connection.ExecuteScalarAsync<string>(
            "SELECT array_to_string(stale_fields, ',') FROM sourcing.resource WHERE source_id = @sourceId AND external_id = @vm",
            new { sourceId, vm = broken[0] }))!.Split(',');
        Assert.Contains("guest_os", staleFields);
        Assert.Contains("attributes.disks", staleFields);
    }

    [Fact]
    public async Task Scan_TaggingFails_TagsStayAsTheyWere()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 40, Clusters = 1, HostsPerCluster = 2, Seed = 3 });
        var (harness, sourceId) = await SetUpAsync(sim, "tags-fail");
        await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        var before = await StateAsync(sourceId);
        Assert.Contains(before.Values, v => !v.Contains("\"tags\":{}", StringComparison.Ordinal));

        sim.Faults.BrokenPaths["/api/cis/tagging"] = true;
        var result = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        Assert.Equal("partial", result.Status);
        Assert.Equal(before, await StateAsync(sourceId));
        Assert.Equal(0, result.Changed);
    }

    private async Task<(CollectorHarness Harness, long SourceId)> SetUpAsync(VCenterSimulator sim, string name)
    {
        var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));
        // The product's own retry and timeout settings and the real clock: no shortcuts in how fast the scan gives up.
        var collector = new VSphereCollector(loggers.CreateLogger<VSphereCollector>(), TimeProvider.System, new VSphereClientOptions());
        var harness = new CollectorHarness(database, collector);
        var sourceId = await harness.Sources.AddAsync(new NewSource
        {
            Name = name, Kind = "vsphere", Url = sim.Url, Username = sim.Options.Username,
            SecretProtected = harness.Secrets.Protect(sim.Options.Password), Thumbprint = sim.Thumbprint, MaxConcurrency = 8,
        }, CancellationToken.None);
        return (harness, sourceId);
    }

    private async Task<Dictionary<string, string>> StateAsync(long sourceId)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<StateRow>(StateSql, new { sourceId })).ToDictionary(r => r.Id, r => r.Json);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    private sealed record StateRow
    {
        public string Id { get; init; } = "";

        public string Json { get; init; } = "";
    }
}
