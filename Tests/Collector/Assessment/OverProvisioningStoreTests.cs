using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Inventory;
using Sourcing.Tests.Analyzer.Assessment;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Assessment;

/// <summary>The analysis reads the over-provisioning factor from the stored daily samples (real PostgreSQL).</summary>
public sealed class OverProvisioningStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnalyzeJob_StoredSamples_FillOverProvisioningAndSayWhatItRestsOn()
    {
        // VM a: 20 daily samples at CPU 20 %, memory 40 % → p95 20 % / 40 %. VM b: 5 days (too few, left out).
        // Both 4 vCPU / 8 192 MiB. Factor = mean(1 − 0.20, 1 − 0.40) = 0.7. Weight 5 points, public cloud direction 1:
        // +3.5 points, and the reason names the 70 % and the 14 days.
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var source = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO sourcing.source (name, kind) VALUES (@name, 'vsphere') RETURNING id", new { name = "rightsize-" + Guid.NewGuid() });
        async Task<long> VmAsync(string name) => await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO sourcing.resource (source_id, external_id, kind, name, cpu_count, memory_mib, content_hash, first_seen_at, last_seen_at)
            VALUES (@source, @name, 'vm', @name, 4, 8192, 'x', @now, @now) RETURNING id
            """, new { source, name, now = Now });
        var a = await VmAsync("vm-a");
        var b = await VmAsync("vm-b");
        await connection.ExecuteAsync(
            """
            INSERT INTO sourcing.vm_utilisation (resource_id, day, cpu_percent, memory_percent)
            SELECT @a, @today::date - d, 20, 40 FROM generate_series(0, 19) d
            UNION ALL SELECT @b, @today::date - d, 90, 90 FROM generate_series(0, 4) d
            """, new { a, b, today = Now.UtcDateTime.Date });

        WorkloadResource R(long id, string name) => new(id, "vm", name, "windows", "2022", SupportStatus.Supported, 4, 8192, 100m, false, false);
        var workload = TestWorkloads.Complete(1, k: 1) with { Resources = [R(a, "vm-a"), R(b, "vm-b")] };
        var other = TestWorkloads.Complete(2, k: 1);
        var job = new AnalyzeJob(new FakeWorkloadSource([workload, other]), new AssessmentStore(database.DataSource), new FixedTimeProvider(Now),
            NullLogger<AnalyzeJob>.Instance, new UtilisationStore(database.DataSource));

        var report = await job.ComputeAsync(CancellationToken.None);

        var cloud = report.Workloads.Single(w => w.WorkloadId == 1).Scores.Single(s => s.Destination == Destination.PublicCloud);
        var factor = Assert.Single(cloud.Factors, f => f.FactorId == "over-provisioning");
        Assert.Equal(0.7 * ScoringWeights.Default.OverProvisioning, factor.Points, 6);
        Assert.Contains("70 %", factor.Label, StringComparison.Ordinal);
        Assert.Contains("minst 14 dagars mätdata", factor.Label, StringComparison.Ordinal);
        // No samples: no factor at all.
        Assert.DoesNotContain(report.Workloads.Single(w => w.WorkloadId == 2).Scores.SelectMany(s => s.Factors), f => f.FactorId == "over-provisioning");
    }
}
