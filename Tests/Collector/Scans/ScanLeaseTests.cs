using Dapper;
using Npgsql;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Scans;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Scans;

/// <summary>
/// A lock that survives the database: fault injection against the real PostgreSQL. The scan's connections are cut
/// (pg_terminate_backend, as a restart does) and leases are expired under a running scan; never do two scans of one
/// source both commit.
/// </summary>
public sealed class ScanLeaseTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task RunAsync_ConnectionsCutMidScan_LeaseSurvivesSecondScanIsSkippedFirstCommits()
    {
        var collector = new FakeCollector();
        var harness = new CollectorHarness(database, collector);
        harness.LeaseOptions = new ScanLeaseOptions { Ttl = TimeSpan.FromSeconds(30), RenewEvery = TimeSpan.FromMilliseconds(200) };
        var sourceId = await harness.AddSourceAsync("lease-cut");
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        collector.Next = async (_, _, token) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(token);
            return new CollectResult([Vms.Vm("vm-1", "first")], true, 0, 1, []);
        };

        var first = harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        await entered.Task;
        // What a PostgreSQL restart does to the scan: every session of the database ends (an advisory lock would go with them).
        var cut = await TerminateSessionsAsync();
        Assert.True(cut > 0);
        await Task.Delay(500); // a renewal beat or two meets the broken connections and reconnects

        var second = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        release.SetResult();
        var firstResult = await first;

        Assert.Equal("skipped", second.Status);
        Assert.Equal("succeeded", firstResult.Status);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.scan WHERE source_id = @sourceId", new { sourceId }));
    }

    [Fact]
    public async Task RunAsync_LeaseExpiredAndTakenOver_FirstCannotCommitAndIsFailed()
    {
        var collector = new FakeCollector();
        var harness = new CollectorHarness(database, collector);
        // A renewal beat too slow to save the lease: the first scan looks like a process that lost the database past the TTL.
        harness.LeaseOptions = new ScanLeaseOptions { Ttl = TimeSpan.FromMinutes(5), RenewEvery = TimeSpan.FromMinutes(10) };
        var sourceId = await harness.AddSourceAsync("lease-takeover");
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        collector.Next = async (_, _, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                entered.TrySetResult();
                await release.Task;
                return new CollectResult([Vms.Vm("vm-1", "from-first"), Vms.Vm("vm-2", "only-first")], true, 0, 2, []);
            }

            return new CollectResult([Vms.Vm("vm-1", "from-second")], true, 0, 1, []);
        };

        var first = harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        await entered.Task;
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE sourcing.scan_lease SET expires_at = clock_timestamp() - interval '1 second' WHERE source_id = @sourceId", new { sourceId });
        }

        var second = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        release.SetResult();
        var firstResult = await first;

        Assert.Equal("succeeded", second.Status);
        Assert.Equal("failed", firstResult.Status);
        await using var check = await database.DataSource.OpenConnectionAsync();
        var scans = (await check.QueryAsync<(long Id, string Status, string Errors)>(
            "SELECT id, status, errors::text FROM sourcing.scan WHERE source_id = @sourceId ORDER BY id", new { sourceId })).ToList();
        Assert.Equal(["failed", "succeeded"], scans.Select(s => s.Status));
        Assert.Contains("förlorade ensamrätten", scans[0].Errors, StringComparison.Ordinal);
        // Only the second scan's data: the first wrote nothing, not even its extra VM.
        var names = (await check.QueryAsync<string>(
            "SELECT name FROM sourcing.resource WHERE source_id = @sourceId ORDER BY external_id", new { sourceId })).ToList();
        Assert.Equal(["from-second"], names);
    }

    [Fact]
    public async Task Fence_StaleToken_RollsBackTheWholeWrite()
    {
        var harness = new CollectorHarness(database);
        var sourceId = await harness.AddSourceAsync("fence");
        var stale = (await harness.Leases.TryAcquireAsync(sourceId, "a", CancellationToken.None))!;
        await harness.Leases.ReleaseAsync(stale);
        var live = (await harness.Leases.TryAcquireAsync(sourceId, "b", CancellationToken.None))!;
        Assert.True(live.Token > stale.Token);

        await Assert.ThrowsAsync<ScanLeaseLostException>(() =>
            harness.Resources.ApplyScanAsync(sourceId, null, [Vms.Vm("vm-1", "zombie")], true, DateTimeOffset.UtcNow, CancellationToken.None, stale));
        var applied = await harness.Resources.ApplyScanAsync(sourceId, null, [Vms.Vm("vm-1", "live")], true, DateTimeOffset.UtcNow, CancellationToken.None, live);

        Assert.Equal(1, applied.Added);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal("live", await connection.ExecuteScalarAsync<string>("SELECT name FROM sourcing.resource WHERE source_id = @sourceId", new { sourceId }));
    }

    [Fact]
    public async Task TryAcquire_LiveLease_IsRefusedExpiredIsTakenWithAHigherToken()
    {
        var harness = new CollectorHarness(database);
        harness.LeaseOptions = new ScanLeaseOptions { Ttl = TimeSpan.FromMilliseconds(300) };
        var sourceId = await harness.AddSourceAsync("acquire");

        var first = await harness.Leases.TryAcquireAsync(sourceId, "a", CancellationToken.None);
        var refused = await harness.Leases.TryAcquireAsync(sourceId, "b", CancellationToken.None);
        await Task.Delay(400);
        var taken = await harness.Leases.TryAcquireAsync(sourceId, "b", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(refused);
        Assert.NotNull(taken);
        Assert.True(taken.Token > first.Token);
        Assert.False(await harness.Leases.RenewAsync(first, CancellationToken.None));
    }

    private async Task<int> TerminateSessionsAsync()
    {
        // From outside the pool: ends every other session on the test database, as a server restart would.
        await using var admin = new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
        await admin.OpenAsync();
        return await admin.ExecuteScalarAsync<int>(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }
}
