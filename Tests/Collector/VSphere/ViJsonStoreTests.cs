using Dapper;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Sources;
using Sourcing.Tests.Simulators.VCenter;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.VSphere;

/// <summary>Both vSphere paths stored through the real scan machinery: the same inventory, no history from the switch, path and calls on the scan, utilisation samples.</summary>
public sealed class ViJsonStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string StoredColumns =
        """
        external_id, kind, name, datacenter, cluster, host, folder_path, resource_type, power_state, guest_os, os_family,
        os_version, cpu_count, memory_mib, storage_gib, tags::text AS tags, attributes::text AS attributes
        """;

    private readonly VSphereTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Scan_RestThenViJson_SameStoredInventoryAndNoHistoryFromTheSwitch()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 80, Seed = 17, Version = "8.0.3", ViJsonMaxObjects = 30 });
        var restKit = new VSphereTestKit { Options = _kit.Options with { PreferViJson = false } };
        using var _ = restKit;
        var rest = new CollectorHarness(database, restKit.Collector());
        var viJson = new CollectorHarness(database, _kit.Collector());
        Environment.SetEnvironmentVariable("SOURCING_SECRET_TEST_VIJSON_PASSWORD", sim.Options.Password);
        var restSource = await AddSourceAsync(rest, sim, "rest-path");
        var viJsonSource = await AddSourceAsync(viJson, sim, "vijson-path");

        var restScan = await rest.Runner().RunAsync(restSource, "test", CancellationToken.None);
        var viJsonScan = await viJson.Runner().RunAsync(viJsonSource, "test", CancellationToken.None);

        Assert.Equal(("succeeded", "succeeded"), (restScan.Status, viJsonScan.Status));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var restRows = (await connection.QueryAsync($"SELECT {StoredColumns} FROM sourcing.resource WHERE source_id = @restSource ORDER BY external_id", new { restSource }))
            .Select(r => (string)System.Text.Json.JsonSerializer.Serialize(r)).ToList();
        var viJsonRows = (await connection.QueryAsync($"SELECT {StoredColumns} FROM sourcing.resource WHERE source_id = @viJsonSource ORDER BY external_id", new { viJsonSource }))
            .Select(r => (string)System.Text.Json.JsonSerializer.Serialize(r)).ToList();
        Assert.Equal(sim.Estate.VmCount, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sourcing.resource WHERE source_id = @viJsonSource AND kind = 'vm'", new { viJsonSource }));
        Assert.Equal(restRows, viJsonRows);

        var restRow = await rest.Scans.GetAsync(restScan.ScanId!.Value, CancellationToken.None);
        var viJsonRow = await viJson.Scans.GetAsync(viJsonScan.ScanId!.Value, CancellationToken.None);
        Assert.Equal("REST /api", restRow!.ApiPath);
        Assert.Equal("VI/JSON 8.0.3.0", viJsonRow!.ApiPath);
        Assert.True(viJsonRow.Calls > 0 && viJsonRow.Calls < restRow.Calls, $"{viJsonRow.Calls} vs {restRow.Calls}"); // tags (one read per tag) dominate at 80 VMs

        // The vCenter is upgraded: the REST-read source is now read through VI/JSON. Nothing changed, so no history.
        var switched = new CollectorHarness(database, _kit.Collector());
        var again = await switched.Runner().RunAsync(restSource, "test", CancellationToken.None);
        Assert.Equal(("succeeded", 0, 0, 0), (again.Status, again.Added, again.Changed, again.Removed));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            """
            SELECT count(*) FROM sourcing.resource_history h JOIN sourcing.resource r ON r.id = h.resource_id
            WHERE r.source_id = @restSource AND h.change <> 'added'
            """, new { restSource }));
    }

    [Fact]
    public async Task Scan_ViJson_StoresDailyUtilisationAndP95SaysWhenTooFewDays()
    {
        // A vCenter that keeps no month of statistics: only the scan's own reading of today.
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions
        {
            Vms = 40, Seed = 19, Version = "8.0.3", Statistics = VCenterStatistics.PastMonthDisabled,
        });
        var harness = new CollectorHarness(database, _kit.Collector());
        Environment.SetEnvironmentVariable("SOURCING_SECRET_TEST_VIJSON_PASSWORD", sim.Options.Password);
        var source = await AddSourceAsync(harness, sim, "utilisation");

        var scan = await harness.Runner().RunAsync(source, "test", CancellationToken.None);
        await harness.Runner().RunAsync(source, "test", CancellationToken.None); // same day: replaces, not adds

        Assert.True(scan.Status == "succeeded", string.Join("\n", scan.Errors));
        Assert.StartsWith("Ingen historisk statistik lästes", Assert.Single(scan.Errors), StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var on = sim.Estate.Vms.Where(v => v.PowerState == "POWERED_ON").ToList();
        var stored = (await connection.QueryAsync<(string ExternalId, decimal? Cpu, long Resource)>(
            """
            SELECT r.external_id, u.cpu_percent, r.id FROM sourcing.vm_utilisation u JOIN sourcing.resource r ON r.id = u.resource_id
            WHERE r.source_id = @source
            """, new { source })).ToList();
        Assert.Equal(on.Count, stored.Count);
        foreach (var vm in on)
        {
            var sample = stored.Single(s => s.ExternalId == vm.Id);
            Assert.Equal(vm.CpuUsagePercent, sample.Cpu!.Value, 0); // rounding of MHz
        }

        var p95 = await new UtilisationStore(database.DataSource).P95Async([.. stored.Select(s => s.Resource)], DateTimeOffset.UtcNow, 90, CancellationToken.None);
        Assert.Equal(on.Count, p95.Count);
        Assert.All(p95.Values, p => Assert.Equal((1, false), (p.Days, p.Enough)));
    }

    [Fact]
    public async Task Scan_ViJson_StoresThirtyDaysFromTheVCentersStatisticsOnceADay_ReplacingPastScanReadings()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 50, Seed = 37, Version = "8.0.3" });
        var harness = new CollectorHarness(database, _kit.Collector());
        Environment.SetEnvironmentVariable("SOURCING_SECRET_TEST_VIJSON_PASSWORD", sim.Options.Password);
        var source = await AddSourceAsync(harness, sim, "statistics");
        var today = DateTime.UtcNow.Date;

        var first = await harness.Runner().RunAsync(source, "test", CancellationToken.None);
        var second = await harness.Runner().RunAsync(source, "test", CancellationToken.None);

        Assert.True(first.Status == "succeeded" && first.Errors.Count == 0, string.Join("\n", first.Errors));
        Assert.True(second.Status == "succeeded", string.Join("\n", second.Errors));
        Assert.Equal(1, sim.Requests.Count(r => r.EndsWith("/QueryPerf", StringComparison.Ordinal))); // the second scan of the day did not ask
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var on = sim.Estate.Vms.Where(v => v.PowerState == "POWERED_ON").ToList();
        var days = (await connection.QueryAsync<(string ExternalId, int Days, int FromStatistics, DateTime First)>(
            """
            SELECT r.external_id, count(*)::int, count(*) FILTER (WHERE u.from_statistics)::int, min(u.day)::timestamp
            FROM sourcing.vm_utilisation u JOIN sourcing.resource r ON r.id = u.resource_id
            WHERE r.source_id = @source GROUP BY r.external_id
            """, new { source })).ToList();
        Assert.Equal(on.Count, days.Count);
        Assert.All(days, d => Assert.Equal((31, 30, today.AddDays(-30)), (d.Days, d.FromStatistics, d.First))); // 30 past days + today's reading

        var ids = (await connection.QueryAsync<long>("SELECT id FROM sourcing.resource WHERE source_id = @source AND kind = 'vm'", new { source })).ToList();
        var p95 = await new UtilisationStore(database.DataSource).P95Async(ids, DateTimeOffset.UtcNow, 30, CancellationToken.None);
        Assert.All(p95.Values, p => Assert.True(p.Enough));
        // Office hours on weekdays run at 1.3 × today's use: the month's p95 is above what the nightly reading says.
        var vm = on.First(v => v.CpuUsagePercent >= 10);
        var resource = await connection.ExecuteScalarAsync<long>("SELECT id FROM sourcing.resource WHERE source_id = @source AND external_id = @id", new { source, id = vm.Id });
        Assert.True(p95[resource].CpuP95 > vm.CpuUsagePercent, $"p95 {p95[resource].CpuP95} vs today {vm.CpuUsagePercent}");

        // Past days that came from scans only (as before this read existed): the statistics replace them, once.
        await connection.ExecuteAsync(
            """
            UPDATE sourcing.vm_utilisation u SET from_statistics = false, cpu_percent = 0.01
            FROM sourcing.resource r WHERE r.id = u.resource_id AND r.source_id = @source
            """, new { source });
        await harness.Runner().RunAsync(source, "test", CancellationToken.None);
        Assert.Equal(2, sim.Requests.Count(r => r.EndsWith("/QueryPerf", StringComparison.Ordinal)));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            """
            SELECT count(*) FROM sourcing.vm_utilisation u JOIN sourcing.resource r ON r.id = u.resource_id
            WHERE r.source_id = @source AND u.day < @today AND (u.cpu_percent = 0.01 OR NOT u.from_statistics)
            """, new { source, today }));
    }

    [Fact]
    public async Task Scan_ViJsonStatisticsFail_InventoryStoredCompleteWithTheMessage()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 30, Seed = 41, Version = "8.0.3" });
        sim.Faults.QueryPerfFails = true;
        var harness = new CollectorHarness(database, _kit.Collector());
        Environment.SetEnvironmentVariable("SOURCING_SECRET_TEST_VIJSON_PASSWORD", sim.Options.Password);
        var source = await AddSourceAsync(harness, sim, "statistics-fail");

        var scan = await harness.Runner().RunAsync(source, "test", CancellationToken.None);

        // Complete for inventory ('partial' would stop removals): succeeded, with the statistics named among the errors.
        Assert.Equal("succeeded", scan.Status);
        Assert.Contains("Historisk statistik (senaste 30 dagarna) kunde inte läsas för 30 av 30 VM", Assert.Single(scan.Errors), StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(30, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sourcing.resource WHERE source_id = @source AND kind = 'vm'", new { source }));
        Assert.Equal(sim.Estate.Vms.Count(v => v.PowerState == "POWERED_ON"), await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sourcing.vm_utilisation u JOIN sourcing.resource r ON r.id = u.resource_id WHERE r.source_id = @source",
            new { source })); // today's readings from the scan, nothing from the statistics
        var stored = await harness.Scans.GetAsync(scan.ScanId!.Value, CancellationToken.None);
        Assert.Contains(stored!.Errors, e => e.StartsWith("Historisk statistik", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_ViJsonVmPropertiesInMissingSet_KeepsKnownFieldsAsStaleAndRecordsNoChange()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 30, Seed = 23, Version = "8.0.3", ViJsonMaxObjects = 10 });
        var harness = new CollectorHarness(database, _kit.Collector());
        Environment.SetEnvironmentVariable("SOURCING_SECRET_TEST_VIJSON_PASSWORD", sim.Options.Password);
        var source = await AddSourceAsync(harness, sim, "missing-set");
        var first = await harness.Runner().RunAsync(source, "test", CancellationToken.None);
        Assert.Equal("succeeded", first.Status);

        var vm = sim.Estate.Vms.First(v => v.PowerState == "POWERED_ON" && v.ToolsRunning && v.Disks.Count > 0);
        var other = sim.Estate.Vms.First(v => v.Id != vm.Id);
        const string Fields =
            """
            cpu_count AS CpuCount, memory_mib AS MemoryMib, storage_gib AS StorageGib, guest_os AS GuestOs,
            (attributes->'disks')::text AS Disks, host AS Host, stale_fields AS StaleFields
            """;
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var before = await connection.QuerySingleAsync<StoredVm>(
            $"SELECT {Fields} FROM sourcing.resource WHERE source_id = @source AND external_id = @id", new { source, id = vm.Id });
        Assert.NotNull(before.CpuCount);
        Assert.NotNull(before.StorageGib);

        // The vCenter answers the VM without its hardware, full OS name and host: the properties come in its missingSet.
        sim.Faults.UnreadableVmProperties[vm.Id] = ["config.hardware.numCPU", "config.hardware.device", "guest.guestFullName", "runtime.host"];
        var second = await harness.Runner().RunAsync(source, "test", CancellationToken.None);

        Assert.Equal("partial", second.Status);
        Assert.Contains(second.Errors, e => e.Contains(vm.Id, StringComparison.Ordinal) && e.Contains("config.hardware.device", StringComparison.Ordinal));
        var after = await connection.QuerySingleAsync<StoredVm>(
            $"SELECT {Fields} FROM sourcing.resource WHERE source_id = @source AND external_id = @id", new { source, id = vm.Id });
        Assert.Equal(
            (before.CpuCount, before.MemoryMib, before.StorageGib, before.GuestOs, before.Disks, before.Host),
            (after.CpuCount, after.MemoryMib, after.StorageGib, after.GuestOs, after.Disks, after.Host));
        Assert.Superset(new HashSet<string> { "cpu_count", "storage_gib", "guest_os", "host", "cluster", "attributes.disks", "raw" }, after.StaleFields.ToHashSet());
        Assert.DoesNotContain("memory_mib", after.StaleFields); // read this time
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            """
            SELECT count(*) FROM sourcing.resource_history h JOIN sourcing.resource r ON r.id = h.resource_id
            WHERE r.source_id = @source AND h.change = 'changed'
            """, new { source }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT cardinality(stale_fields) FROM sourcing.resource WHERE source_id = @source AND external_id = @id", new { source, id = other.Id }));

        // Read again in full: fresh, and no history either (the values never changed).
        sim.Faults.UnreadableVmProperties.Clear();
        var third = await harness.Runner().RunAsync(source, "test", CancellationToken.None);
        Assert.Equal(("succeeded", 0), (third.Status, third.Changed));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT cardinality(stale_fields) FROM sourcing.resource WHERE source_id = @source AND external_id = @id", new { source, id = vm.Id }));
    }

    [Fact]
    public async Task Scan_ViJsonInBatches_StagesRowsAndLeavesNoneBehind()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 2500, Seed = 29, Version = "8.0.3" });
        var harness = new CollectorHarness(database, _kit.Collector());
        Environment.SetEnvironmentVariable("SOURCING_SECRET_TEST_VIJSON_PASSWORD", sim.Options.Password);
        var source = await AddSourceAsync(harness, sim, "staged");

        var scan = await harness.Runner().RunAsync(source, "test", CancellationToken.None);

        Assert.True(scan.Status == "succeeded", string.Join("\n", scan.Errors));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(2500, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sourcing.resource WHERE source_id = @source AND kind = 'vm'", new { source }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.scan_staging"));
    }

    private sealed class StoredVm
    {
        public int? CpuCount { get; init; }
        public long? MemoryMib { get; init; }
        public decimal? StorageGib { get; init; }
        public string? GuestOs { get; init; }
        public string? Disks { get; init; }
        public string? Host { get; init; }
        public string[] StaleFields { get; init; } = [];
    }

    private static Task<long> AddSourceAsync(CollectorHarness harness, VCenterSimulator sim, string name) =>
        harness.Sources.AddAsync(new NewSource
        {
            Name = name + "-" + Guid.NewGuid().ToString("N")[..6],
            Kind = "vsphere",
            Url = sim.Url,
            Username = sim.Options.Username,
            SecretEnv = "SOURCING_SECRET_TEST_VIJSON_PASSWORD",
            Thumbprint = sim.Thumbprint,
        }, CancellationToken.None);
}
