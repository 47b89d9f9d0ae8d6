using Dapper;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Store;

/// <summary>
/// A scan that rewrites much of the inventory refreshes the planner's statistics of sourcing.resource as soon as it has
/// committed; a night with a few changes leaves that to autovacuum. Its own database: the manual vacuum count is the
/// evidence, and autovacuum never raises it.
/// </summary>
public sealed class ResourceStatisticsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ApplyScanAsync_ManyRowsWritten_TableVacuumedAndAnalysed_FewChanges_LeftToAutovacuum()
    {
        var harness = new CollectorHarness(database);
        var sourceId = await harness.AddSourceAsync("statistics");
        var now = DateTimeOffset.UtcNow;

        // 20 new VMs: under the 500-row floor, nothing is refreshed.
        var small = Enumerable.Range(0, 20).Select(i => Vms.Vm($"vm-{i}", $"liten-{i:D4}")).ToList();
        await harness.Resources.ApplyScanAsync(sourceId, null, small, complete: false, now, CancellationToken.None);
        Assert.Equal(0, await ManualVacuumsAsync());

        // A source's first large scan: 600 rows written (≥ 500 and ≥ a tenth of 620 read): one VACUUM (ANALYZE).
        var large = small.Concat(Enumerable.Range(20, 600).Select(i => Vms.Vm($"vm-{i}", $"stor-{i:D4}"))).ToList();
        var added = await harness.Resources.ApplyScanAsync(sourceId, null, large, complete: true, now.AddMinutes(1), CancellationToken.None);
        Assert.Equal(600, added.Added);
        Assert.Equal(1, await ManualVacuumsAsync());
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            // The planner now knows the table's size (never analysed, PostgreSQL keeps -1).
            Assert.Equal(620, await connection.ExecuteScalarAsync<float>(
                "SELECT reltuples FROM pg_class WHERE oid = 'sourcing.resource'::regclass"));
        }

        // The next night changes 5 of 620: left to autovacuum, still one manual vacuum.
        var night = large.Select((r, i) => i < 5 ? r with { CpuCount = 8 } : r).ToList();
        var changed = await harness.Resources.ApplyScanAsync(sourceId, null, night, complete: true, now.AddDays(1), CancellationToken.None);
        Assert.Equal(5, changed.Changed);
        Assert.Equal(1, await ManualVacuumsAsync());
    }

    private async Task<long> ManualVacuumsAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT vacuum_count FROM pg_stat_user_tables WHERE schemaname = 'sourcing' AND relname = 'resource'");
    }
}
