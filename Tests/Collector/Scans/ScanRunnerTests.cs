using Dapper;
using Microsoft.Extensions.Logging;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Scans;

public sealed class ScanRunnerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly FakeCollector _collector = new();

    private CollectorHarness Harness() => new(database, _collector);

    [Fact]
    public async Task RunAsync_FirstAndSecondScan_AddsThenRecordsChangesAndRemovals()
    {
        var harness = Harness();
        var sourceId = await harness.AddSourceAsync("first-second");

        _collector.Returns([Vms.Vm("vm-1", "a"), Vms.Vm("vm-2", "b"), Vms.Vm("vm-3", "c")]);
        var first = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        Assert.Equal("succeeded", first.Status);
        Assert.Equal(3, first.Added);

        _collector.Returns([Vms.Vm("vm-1", "a", cpu: 8), Vms.Vm("vm-2", "b")]);
        var second = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        Assert.Equal(("succeeded", 0, 1, 1, 1), (second.Status, second.Added, second.Changed, second.Removed, second.Unchanged));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var fields = await connection.QuerySingleAsync<string>(
            """
            SELECT h.fields::text FROM sourcing.resource_history h JOIN sourcing.resource r ON r.id = h.resource_id
            WHERE r.source_id = @sourceId AND r.external_id = 'vm-1' AND h.change = 'changed'
            """, new { sourceId });
        Assert.Contains("\"field\": \"cpu_count\"", fields, StringComparison.Ordinal);
        Assert.Contains("\"old\": 2", fields, StringComparison.Ordinal);
        Assert.Contains("\"new\": 8", fields, StringComparison.Ordinal);
        var removed = await connection.QuerySingleAsync<DateTime?>(
            "SELECT removed_at FROM sourcing.resource WHERE source_id = @sourceId AND external_id = 'vm-3'", new { sourceId });
        Assert.NotNull(removed);
    }

    [Fact]
    public async Task RunAsync_PartialScan_MarksNothingRemoved()
    {
        var harness = Harness();
        var sourceId = await harness.AddSourceAsync("partial");
        _collector.Returns([Vms.Vm("vm-1", "a"), Vms.Vm("vm-2", "b")]);
        await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        _collector.Returns([Vms.Vm("vm-1", "a")], complete: false, "Klustret Kluster-B kunde inte listas");
        var partial = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        Assert.Equal("partial", partial.Status);
        Assert.Equal(0, partial.Removed);
        Assert.Contains("Kluster-B", Assert.Single(partial.Errors), StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var active = await connection.QuerySingleAsync<int>(
            "SELECT count(*) FROM sourcing.resource WHERE source_id = @sourceId AND removed_at IS NULL", new { sourceId });
        Assert.Equal(2, active);
        var status = await connection.QuerySingleAsync<string>("SELECT status FROM sourcing.scan WHERE id = @id", new { id = partial.ScanId });
        Assert.Equal("partial", status);
    }

    [Fact]
    public async Task RunAsync_SourceDown_FailsAndLeavesInventoryUntouched()
    {
        var harness = Harness();
        var sourceId = await harness.AddSourceAsync("down");
        _collector.Returns(Vms.Many(5));
        await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        _collector.Throws(new HttpRequestException("vCenter https://vc.example svarar inte"));
        var failed = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        Assert.Equal("failed", failed.Status);
        Assert.Contains("svarar inte", Assert.Single(failed.Errors), StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var active = await connection.QuerySingleAsync<int>(
            "SELECT count(*) FROM sourcing.resource WHERE source_id = @sourceId AND removed_at IS NULL", new { sourceId });
        Assert.Equal(5, active);
        var row = await harness.Scans.GetAsync(failed.ScanId!.Value, CancellationToken.None);
        Assert.Equal("failed", row!.Status);
        Assert.NotNull(row.FinishedAt);
    }

    [Fact]
    public async Task RunAsync_UnchangedEstate_WritesNoHistory()
    {
        var harness = Harness();
        var sourceId = await harness.AddSourceAsync("unchanged");
        _collector.Returns(Vms.Many(50));
        await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        var again = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        Assert.Equal((0, 0, 0, 50), (again.Added, again.Changed, again.Removed, again.Unchanged));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var history = await connection.QuerySingleAsync<int>(
            "SELECT count(*) FROM sourcing.resource_history WHERE scan_id = @id", new { id = again.ScanId });
        Assert.Equal(0, history);
    }

    [Fact]
    public async Task RunAsync_RemovedVmComesBack_IsRestored()
    {
        var harness = Harness();
        var sourceId = await harness.AddSourceAsync("restore");
        _collector.Returns([Vms.Vm("vm-1", "a"), Vms.Vm("vm-2", "b")]);
        await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        _collector.Returns([Vms.Vm("vm-1", "a")]);
        await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        _collector.Returns([Vms.Vm("vm-1", "a"), Vms.Vm("vm-2", "b")]);
        var back = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        Assert.Equal(1, back.Added);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var changes = (await connection.QueryAsync<string>(
            """
            SELECT h.change FROM sourcing.resource_history h JOIN sourcing.resource r ON r.id = h.resource_id
            WHERE r.source_id = @sourceId AND r.external_id = 'vm-2' ORDER BY h.id
            """, new { sourceId })).ToList();
        Assert.Equal(["added", "removed", "restored"], changes);
    }

    [Fact]
    public async Task RunAsync_WhileAnotherScanOfTheSourceRuns_IsSkipped()
    {
        var harness = Harness();
        var sourceId = await harness.AddSourceAsync("overlap");
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        _collector.Next = async (_, _, _) =>
        {
            entered.SetResult();
            await release.Task;
            return new([], true, 0, 0, []);
        };

        var first = harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        await entered.Task;
        var second = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);
        release.SetResult();
        var firstResult = await first;

        Assert.Equal("skipped", second.Status);
        Assert.Null(second.ScanId);
        Assert.Equal("succeeded", firstResult.Status);
    }

    [Fact]
    public async Task RunAsync_AbandonedRunningScan_IsMarkedFailed()
    {
        var harness = Harness();
        var sourceId = await harness.AddSourceAsync("abandoned");
        var stale = await harness.Scans.StartAsync(sourceId, "schedule", DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);

        await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        var row = await harness.Scans.GetAsync(stale, CancellationToken.None);
        Assert.Equal("failed", row!.Status);
        Assert.Contains("avbröts", Assert.Single(row.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SecretFromEnvironment_ReachesCollectorButNotLogs()
    {
        var harness = Harness();
        const string password = "Hemligt-Lösen-9f3b";
        Environment.SetEnvironmentVariable("SOURCING_SECRET_TEST_RUNNER_PW", password);
        var sourceId = await harness.AddSourceAsync("secret", secretEnv: "SOURCING_SECRET_TEST_RUNNER_PW");
        _collector.Throws(new InvalidOperationException("login refused"));

        await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        Assert.Equal(password, _collector.LastSource!.Secret!.Reveal());
        Assert.Equal("********", _collector.LastSource.Secret.ToString());
        Assert.DoesNotContain(password, harness.Logs.AllText, StringComparison.Ordinal);
        Assert.NotEmpty(harness.Logs.Lines);
    }

    [Fact]
    public async Task RunAsync_MissingSecretVariable_FailsWithClearMessage()
    {
        var harness = Harness();
        var sourceId = await harness.AddSourceAsync("nosecret", secretEnv: "SOURCING_SECRET_TEST_UNSET");

        var result = await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        Assert.Equal("failed", result.Status);
        Assert.Contains("SOURCING_SECRET_TEST_UNSET", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReportInsideTheSecondThenStall_LatestProgressIsStillWritten()
    {
        var harness = Harness();
        var sourceId = await harness.AddSourceAsync("stalled-progress");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _collector.Next = async (_, progress, cancellationToken) =>
        {
            progress.Report(0, 10);
            progress.Report(5, 10); // inside the same second: throttled
            await release.Task.WaitAsync(cancellationToken); // then every request stalls
            return new Sourcing.Collector.Inventory.CollectResult([], true, 0, 0, []);
        };
        // Timers fire at once here, so the test waits for no real second.
        var clock = new Sourcing.Tests.Collector.VSphere.InstantTimeProvider();
        var runner = new Sourcing.Collector.Scans.ScanRunner(
            database.DataSource, harness.Sources, harness.Scans, harness.Resources, harness.Secrets, harness.Collectors, harness.AfterScan,
            clock, harness.LoggerFactory.CreateLogger<Sourcing.Collector.Scans.ScanRunner>());

        var run = runner.RunAsync(sourceId, "test", CancellationToken.None);
        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            var done = 0;
            for (var i = 0; i < 300 && done != 5; i++)
            {
                done = await connection.ExecuteScalarAsync<int?>(
                    "SELECT progress_done FROM sourcing.scan WHERE source_id = @sourceId AND status = 'running'", new { sourceId }) ?? 0;
                if (done != 5)
                {
                    await Task.Delay(100);
                }
            }

            Assert.Equal(5, done);
            var wait = Assert.Single(clock.Delays);
            Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        }
        finally
        {
            release.TrySetResult();
            await run;
        }
    }

    [Fact]
    public async Task RunAsync_Finished_ReleasesTheLeaseAtOnce()
    {
        var harness = Harness();
        var sourceId = await harness.AddSourceAsync("lock-released");
        _collector.Returns([Vms.Vm("vm-1", "a")]);
        await harness.Runner().RunAsync(sourceId, "test", CancellationToken.None);

        // Another process (another lease store) may take the source at once, without waiting for the TTL.
        var lease = await harness.Leases.TryAcquireAsync(sourceId, "other", CancellationToken.None);
        Assert.NotNull(lease);
        Assert.Equal(2, lease.Token);
    }
}
