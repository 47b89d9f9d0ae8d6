using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Sourcing.Analyzer.Workloads;
using Sourcing.Analyzer.Workloads.Mapping;
using Sourcing.Collector.Workloads;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Workloads;

public sealed class MappingJobTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly PostgresDatabase _database;

    public MappingJobTests(PostgresDatabase database) => _database = database;

    private MappingJob Job => new(_database.DataSource, Clock, NullLogger<MappingJob>.Instance);

    private WorkloadStore Store => new(_database.DataSource, Clock);

    // Each test starts from an empty portfolio and inventory (the class shares one database).
    public async Task InitializeAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            DELETE FROM sourcing.mapping_conflict; DELETE FROM sourcing.resource_assignment; DELETE FROM sourcing.workload;
            DELETE FROM sourcing.management_object; DELETE FROM sourcing.resource; DELETE FROM sourcing.source;
            DELETE FROM sourcing.mapping_rule WHERE position <> 10 AND position <> 20;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LoadListAsync_SameCountsAndWorstSupportAsTheFullLoad()
    {
        // Hand-worked: Cosmic has two VMs, one on Windows Server 2008 R2 (even paid support ended before 2026-03-01:
        // unsupported) and one on RHEL 9 (supported), and a host: VmCount 2, worst Unsupported, 1 unsupported VM.
        // Procapita has one VM with an OS nobody knows: VmCount 1, worst Unknown. A removed VM counts nowhere.
        var vc = await InventorySeed.SourceAsync(_database.DataSource, "vc1", "vsphere");
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "cosmic-app01", """{"System":"Cosmic"}""", guestOs: "Microsoft Windows Server 2008 R2 (64-bit)");
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "cosmic-db01", """{"System":"Cosmic"}""", guestOs: "Red Hat Enterprise Linux 9 (64-bit)");
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "cosmic-old01", """{"System":"Cosmic"}""", guestOs: "Microsoft Windows Server 2003 (32-bit)",
            removed: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "cosmic-esx01", """{"System":"Cosmic"}""", kind: "host");
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "procapita01", """{"System":"Procapita"}""", guestOs: "Okänt OS 3.1");
        await Job.RunAsync(CancellationToken.None);

        var list = await Store.LoadListAsync(CancellationToken.None);
        var full = await Store.LoadForAnalysisAsync(CancellationToken.None);

        var cosmic = list.Single(e => e.Workload.Name == "Cosmic");
        Assert.Equal((2, SupportStatus.Unsupported, 1), (cosmic.VmCount, cosmic.WorstSupport, cosmic.UnsupportedVms));
        var procapita = list.Single(e => e.Workload.Name == "Procapita");
        Assert.Equal((1, SupportStatus.Unknown, 0), (procapita.VmCount, procapita.WorstSupport, procapita.UnsupportedVms));
        Assert.Equal(full.Select(w => w.Name), list.Select(e => e.Workload.Name));
        foreach (var workload in full)
        {
            var entry = list.Single(e => e.Workload.Id == workload.Id);
            var worst = workload.Resources.Count == 0 ? (SupportStatus?)null
                : workload.Resources.Select(r => r.Support).Where(s => s != SupportStatus.Unknown).DefaultIfEmpty(SupportStatus.Unknown).Max();
            Assert.Equal(
                (workload.Resources.Count(r => r.Kind == "vm"), worst, workload.Resources.Count(r => r.Kind == "vm" && r.Support == SupportStatus.Unsupported)),
                (entry.VmCount, entry.WorstSupport, entry.UnsupportedVms));
            Assert.Empty(entry.Workload.Resources);
        }
    }

    [Fact]
    public async Task RunAsync_DefaultRules_CreateSystemsWithDepartmentsAndCoverage()
    {
        var vc = await InventorySeed.SourceAsync(_database.DataSource, "vc1", "vsphere");
        var az = await InventorySeed.SourceAsync(_database.DataSource, "az1", "azure");
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "cosmic-app01", """{"System":"Cosmic","Förvaltning":"Hälso- och sjukvårdsförvaltningen","Miljö":"Produktion"}""", cpu: 4, storage: 200);
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "cosmic-db01", """{"System":"Cosmic","Förvaltning":"Hälso- och sjukvårdsförvaltningen"}""", cpu: 8, storage: 600);
        await InventorySeed.ResourceAsync(_database.DataSource, az, "procapita-vm", """{"System":"Procapita","Förvaltning":"Socialförvaltningen"}""", cpu: 2, storage: 100);
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "unknown01", """{"Miljö":"Test"}""", cpu: 2, storage: 100);
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "host01", "{}", kind: "host", cpu: 64, storage: 0);

        var summary = await Job.RunAsync(CancellationToken.None);

        Assert.Equal((3, 3, 1, 0, 2), (summary.Assigned, summary.Changed, summary.Unmatched, summary.Conflicts, summary.WorkloadsCreated));
        var portfolio = await Store.LoadForAnalysisAsync(CancellationToken.None);
        var cosmic = portfolio.Single(w => w.Name == "Cosmic");
        Assert.Equal("Hälso- och sjukvårdsförvaltningen", cosmic.Department);
        Assert.Equal(["cosmic-app01", "cosmic-db01"], cosmic.Resources.Select(r => r.Name));
        Assert.True(portfolio.Single(w => w.Name == "Procapita").Resources.Single().IsCloud);
        using (var origins = await Store.OriginsAsync(cosmic.Id, CancellationToken.None))
        {
            Assert.Equal("tag", origins.RootElement.GetProperty("department").GetProperty("origin").GetString());
        }

        var coverage = await Store.CoverageAsync(CancellationToken.None);
        Assert.Equal((4, 3, 16L, 14L), (coverage.Vms, coverage.MappedVms, coverage.Vcpu, coverage.MappedVcpu)); // hosts are not VMs
        Assert.Equal(900m / 1000m, (decimal)coverage.StorageShare, 6);

        var again = await Job.RunAsync(CancellationToken.None);
        Assert.Equal((3, 0, 0), (again.Assigned, again.Changed, again.WorkloadsCreated)); // safe to run twice
    }

    [Fact]
    public async Task RunAsync_HandAssignment_SurvivesReappliedRules()
    {
        var vc = await InventorySeed.SourceAsync(_database.DataSource, "vc1", "vsphere");
        var vm = await InventorySeed.ResourceAsync(_database.DataSource, vc, "shared-db01", """{"System":"Cosmic"}""");
        await Job.RunAsync(CancellationToken.None);
        var melior = await Store.EnsureWorkloadAsync("Melior", "anna", CancellationToken.None);

        Assert.Equal(1, await Store.AssignByHandAsync([vm], melior, "anna", CancellationToken.None));
        var summary = await Job.RunAsync(CancellationToken.None);

        Assert.Equal(1, summary.HandKept);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(long WorkloadId, string How)>("SELECT workload_id, how FROM sourcing.resource_assignment WHERE resource_id = @vm", new { vm });
        Assert.Equal((melior, "hand"), row);

        await Store.ClearHandAssignmentsAsync([vm], CancellationToken.None);
        await Job.RunAsync(CancellationToken.None);
        Assert.Equal("rule", await connection.ExecuteScalarAsync<string>("SELECT how FROM sourcing.resource_assignment WHERE resource_id = @vm", new { vm }));
    }

    [Fact]
    public async Task RunAsync_TwoRulesMatch_ConflictListedAndFirstRuleWins()
    {
        var vc = await InventorySeed.SourceAsync(_database.DataSource, "vc1", "vsphere");
        var vm = await InventorySeed.ResourceAsync(_database.DataSource, vc, "lab-cosmic01", """{"System":"Cosmic"}""");
        var ruleId = await Store.SaveRuleAsync(new MappingRule { Position = 5, Kind = MappingRuleKind.NamePattern, MatchRegex = "^lab-", TargetWorkload = "Labbmiljö" }, CancellationToken.None);

        var summary = await Job.RunAsync(CancellationToken.None);

        Assert.Equal(1, summary.Conflicts);
        var conflict = Assert.Single(await Store.ListConflictsAsync(CancellationToken.None));
        Assert.Equal(vm, conflict.ResourceId);
        Assert.Equal(ruleId, conflict.RuleIds[0]);
        Assert.Equal(["Labbmiljö", "Cosmic"], conflict.Workloads);
        var portfolio = await Store.LoadForAnalysisAsync(CancellationToken.None);
        Assert.Equal("lab-cosmic01", portfolio.Single(w => w.Name == "Labbmiljö").Resources.Single().Name);

        // The rule goes: the conflict goes, and the VM moves to the tag's system.
        await Store.DeleteRuleAsync(ruleId, CancellationToken.None);
        await Job.RunAsync(CancellationToken.None);
        Assert.Empty(await Store.ListConflictsAsync(CancellationToken.None));
        Assert.Single((await Store.LoadForAnalysisAsync(CancellationToken.None)).Single(w => w.Name == "Cosmic").Resources);
    }

    [Fact]
    public async Task ListUnmappedAsync_SortsBySize_AndInventoryOverTime_CountsPerDepartment()
    {
        var vc = await InventorySeed.SourceAsync(_database.DataSource, "vc1", "vsphere");
        var day1 = new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "small", storage: 10, cpu: 8, firstSeen: day1);
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "big", storage: 900, cpu: 1, firstSeen: day1);
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "gone", storage: 5000, firstSeen: day1, removed: day1.AddDays(1));
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "edu01", """{"System":"Skolplattform","Förvaltning":"Utbildningsförvaltningen"}""", cpu: 4, storage: 50, firstSeen: day1.AddDays(1));
        await Job.RunAsync(CancellationToken.None);

        var byStorage = await Store.ListUnmappedAsync(UnmappedSort.Storage, descending: true, limit: 10, offset: 0, CancellationToken.None);
        var byCpu = await Store.ListUnmappedAsync(UnmappedSort.Vcpu, descending: true, limit: 1, offset: 0, CancellationToken.None);
        Assert.Equal(["big", "small"], byStorage.Select(r => r.Name)); // removed resources are not work
        Assert.Equal("small", Assert.Single(byCpu).Name);

        var days = await Store.InventoryOverTimeAsync(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 3), CancellationToken.None);
        Assert.Equal(
        [
            new DepartmentInventoryDay(new DateOnly(2026, 2, 1), "(ingen förvaltning)", 3, 11, 5910m),
            // "gone" was removed during 2 February: the figures are the estate at the end of each day.
            new DepartmentInventoryDay(new DateOnly(2026, 2, 2), "(ingen förvaltning)", 2, 9, 910m),
            new DepartmentInventoryDay(new DateOnly(2026, 2, 2), "Utbildningsförvaltningen", 1, 4, 50m),
            new DepartmentInventoryDay(new DateOnly(2026, 2, 3), "(ingen förvaltning)", 2, 9, 910m),
            new DepartmentInventoryDay(new DateOnly(2026, 2, 3), "Utbildningsförvaltningen", 1, 4, 50m),
        ], days);
    }

    [Fact]
    public async Task LoadForAnalysisAsync_JudgesOsSupportOnInjectedDate()
    {
        var vc = await InventorySeed.SourceAsync(_database.DataSource, "vc1", "vsphere");
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "old01", """{"System":"Gammal"}""", guestOs: "Microsoft Windows Server 2008 R2 (64-bit)");
        await InventorySeed.ResourceAsync(_database.DataSource, vc, "new01", """{"System":"Gammal"}""", guestOs: "Red Hat Enterprise Linux 9 (64-bit)");
        await Job.RunAsync(CancellationToken.None);

        var workload = Assert.Single(await Store.LoadForAnalysisAsync(CancellationToken.None));

        Assert.Equal([("new01", SupportStatus.Supported, "rhel", "9"), ("old01", SupportStatus.Unsupported, "windows-server", "2008 R2")],
            workload.Resources.Select(r => (r.Name, r.Support, r.OsFamily, r.OsVersion)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
