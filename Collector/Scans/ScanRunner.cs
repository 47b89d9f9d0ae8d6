using Microsoft.Extensions.Logging;
using Npgsql;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Scans;

/// <summary>
/// Runs one scan of one source: takes the source's lease (a row with a fencing token, so no two processes — Hangfire
/// servers or the CLI — scan the same source at once, even across a PostgreSQL restart), records the scan, collects,
/// stores and finishes. The lease is renewed while the scan runs; a scan that loses it stops, cannot commit (the store
/// checks the token in its write transaction) and is marked failed. A collector that throws fails the scan and leaves
/// the inventory untouched; a partial collection never marks anything removed.
/// </summary>
public sealed class ScanRunner(
    NpgsqlDataSource dataSource,
    SourceStore sources,
    ScanStore scans,
    ResourceStore resources,
    SecretResolver secrets,
    IEnumerable<IResourceCollector> collectors,
    IEnumerable<IAfterScan> afterScan,
    TimeProvider time,
    ILogger<ScanRunner> logger,
    ScanLeaseStore? leases = null,
    UtilisationStore? utilisation = null)
{
    private readonly ScanLeaseStore _leases = leases ?? new ScanLeaseStore(dataSource);

    public async Task<ScanSummary> RunAsync(long sourceId, string trigger, CancellationToken cancellationToken)
    {
        var row = await sources.GetAsync(sourceId, cancellationToken)
            ?? throw new InvalidOperationException($"Källa {sourceId} finns inte.");

        var lease = await _leases.TryAcquireAsync(sourceId, $"{Environment.MachineName}/{Environment.ProcessId}/{trigger}", cancellationToken);
        if (lease is null)
        {
            logger.LogWarning("A scan of source {Source} is already running; this one is not started", row.Name);
            return new ScanSummary(null, "skipped", 0, 0, 0, 0, 0, 0, TimeSpan.Zero,
                [$"En skanning av \"{row.Name}\" pågår redan."]);
        }

        // Released explicitly so the next scan need not wait for the lease to expire.
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopBeat = new CancellationTokenSource();
        var beat = _leases.KeepAsync(lease, lost, stopBeat.Token);
        try
        {
            return await RunLeasedAsync(row, lease, trigger, lost.Token, cancellationToken);
        }
        finally
        {
            await stopBeat.CancelAsync();
            await beat;
            await _leases.ReleaseAsync(lease);
        }
    }

    private async Task<ScanSummary> RunLeasedAsync(
        SourceRow row, ScanLease lease, string trigger, CancellationToken scanToken, CancellationToken cancellationToken)
    {
        var sourceId = row.Id;
        var started = time.GetTimestamp();
        // Holding the lease, any scan of this source still 'running' lost its own lease: it died or was cut off.
        await scans.FailAbandonedAsync(sourceId, time.GetUtcNow(), cancellationToken);
        var scanId = await scans.StartAsync(sourceId, trigger, time.GetUtcNow(), cancellationToken);
        await _leases.AttachScanAsync(lease, scanId, cancellationToken);
        logger.LogInformation("Scan {ScanId} of source {Source} ({Kind}) started (lease token {Token})", scanId, row.Name, row.Kind, lease.Token);

        ScanOutcome outcome;
        try
        {
            var source = secrets.Resolve(row);
            var collector = collectors.FirstOrDefault(c => c.Kind == row.Kind)
                ?? throw new InvalidOperationException($"Ingen insamlare för källtypen \"{row.Kind}\".");
            if (source.Insecure)
            {
                logger.LogWarning(
                    "Source {Source} is set to insecure: the server certificate is NOT verified. Pin its thumbprint instead", row.Name);
            }

            source = source with { StatisticsKnownThrough = await StatisticsKnownThroughAsync(sourceId, scanToken) };
            var progress = new ThrottledProgress(scans, scanId, time, logger);
            using var staging = new ScanStagingSink(dataSource, scanId);
            var result = await collector.CollectAsync(source, staging, progress, scanToken);
            await progress.FlushAsync(scanToken);
            await staging.FlushAsync(scanToken);

            var applied = await RetryTransientAsync(
                () => resources.ApplyStagedAsync(sourceId, scanId, staging, result.Complete, time.GetUtcNow(), scanToken, lease), scanToken);
            await RecordUtilisationAsync(sourceId, scanId, staging.Utilisation, result.UtilisationHistory, cancellationToken);
            outcome = new ScanOutcome(
                result.Complete ? "succeeded" : "partial",
                applied.Added + applied.Restored, applied.Changed, applied.Removed, applied.Unchanged,
                result.Skipped, result.Calls, result.Errors) { ApiPath = result.ApiPath };
        }
        catch (Exception e) when (e is ScanLeaseLostException
            || (e is OperationCanceledException && scanToken.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            logger.LogError("Scan {ScanId} of source {Source} lost its lease and stored nothing", scanId, row.Name);
            outcome = new ScanOutcome("failed", 0, 0, 0, 0, 0, 0, [new ScanLeaseLostException(lease).Message]);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Scan {ScanId} of source {Source} failed", scanId, row.Name);
            outcome = new ScanOutcome("failed", 0, 0, 0, 0, 0, 0, [Describe(e)]);
        }
        catch (OperationCanceledException)
        {
            await scans.FinishAsync(scanId, new ScanOutcome("failed", 0, 0, 0, 0, 0, 0, ["Skanningen avbröts."]),
                time.GetUtcNow(), CancellationToken.None);
            throw;
        }

        if (!await RetryTransientAsync(() => scans.FinishAsync(scanId, outcome, time.GetUtcNow(), cancellationToken), cancellationToken))
        {
            // Another scan took the lease and marked this one failed; what it says stays.
            logger.LogWarning("Scan {ScanId} of source {Source} was already marked failed by the scan that took its lease over", scanId, row.Name);
            outcome = outcome with { Status = "failed" };
        }

        try
        {
            // Nothing is left staged after a stored scan; after a failed one its rows go, with any a dead process left.
            await ScanStagingSink.DiscardAsync(dataSource, scanId, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Staged rows of scan {ScanId} not cleared", scanId);
        }

        var elapsed = time.GetElapsedTime(started);
        logger.LogInformation(
            "Scan {ScanId} of source {Source} {Status} in {Elapsed}: {Added} added, {Changed} changed, {Removed} removed, {Skipped} skipped",
            scanId, row.Name, outcome.Status, elapsed, outcome.Added, outcome.Changed, outcome.Removed, outcome.Skipped);

        if (outcome.Status != "failed")
        {
            foreach (var hook in afterScan)
            {
                try
                {
                    await hook.RunAsync(sourceId, scanId, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The scan itself is stored; a failing follow-up must not turn it into a failure.
                    logger.LogError(e, "Follow-up {Hook} after scan {ScanId} failed", hook.GetType().Name, scanId);
                }
            }
        }

        return new ScanSummary(scanId, outcome.Status, outcome.Added, outcome.Changed, outcome.Removed, outcome.Unchanged,
            outcome.Skipped, outcome.Calls, elapsed, outcome.Errors);
    }

    /// <summary>
    /// Utilisation samples are a bonus: failing to store them must not fail a stored scan. Today's readings first, then
    /// the past days from the source's kept statistics (which never include today).
    /// </summary>
    private async Task RecordUtilisationAsync(
        long sourceId, long scanId, IReadOnlyList<(string ExternalId, VmUtilisation Utilisation)> records,
        IReadOnlyList<VmUtilisationHistory> history, CancellationToken cancellationToken)
    {
        try
        {
            if (utilisation is not null)
            {
                await utilisation.RecordAsync(sourceId, scanId, records, time.GetUtcNow(), cancellationToken);
                var days = await utilisation.RecordHistoryAsync(sourceId, scanId, history, cancellationToken);
                if (days > 0)
                {
                    logger.LogInformation("Scan {ScanId}: {Days} past days of VM utilisation stored from the source's statistics", scanId, days);
                }
            }
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Utilisation samples of scan {ScanId} not stored", scanId);
        }
    }

    /// <summary>Which past days the source's statistics already gave (null: none, or unknown because the read failed).</summary>
    private async Task<DateOnly?> StatisticsKnownThroughAsync(long sourceId, CancellationToken cancellationToken)
    {
        if (utilisation is null)
        {
            return null;
        }

        try
        {
            return await utilisation.StatisticsKnownThroughAsync(sourceId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not tell which days of statistics source {SourceId} already gave; reading them all", sourceId);
            return null;
        }
    }

    /// <summary>
    /// A write that met a broken connection (PostgreSQL restarted, the session was cut) is tried again on a fresh one: it
    /// ran in one transaction, so nothing of the failed try was kept, and the lease's fence still decides whether it may commit.
    /// </summary>
    private async Task<T> RetryTransientAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (NpgsqlException e) when (e.IsTransient && attempt < 4 && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Database write failed ({Message}); try {Attempt} of 4 in {Seconds} s", e.Message, attempt + 1, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, cancellationToken);
            }
        }
    }

    // Exception messages name the source and what went wrong; collectors never put secrets in them.
    private static string Describe(Exception e) =>
        e.InnerException is null || e.Message.Contains(e.InnerException.Message, StringComparison.Ordinal)
            ? e.Message
            : $"{e.Message} ({e.InnerException.Message})";

    /// <summary>
    /// Writes progress to the scan row at most once a second, so a 10,000-VM scan does not write 10,000 times.
    /// A report that falls inside the second is not lost: the latest figure is written when the second is up,
    /// even if the collector then goes quiet (every request stalled), so the page never shows a stale count.
    /// </summary>
    private sealed class ThrottledProgress(ScanStore scans, long scanId, TimeProvider time, ILogger logger) : IScanProgress
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
        private readonly Lock _gate = new();
        private long _lastWrite;
        private (int Done, int Total, string? Text) _latest;
        private Task _pending = Task.CompletedTask;
        private bool _trailing;

        public void Report(int done, int total, string? text = null)
        {
            lock (_gate)
            {
                _latest = (done, total, text);
                var now = time.GetTimestamp();
                var since = _lastWrite == 0 ? Interval : time.GetElapsedTime(_lastWrite, now);
                if (since < Interval || !_pending.IsCompleted)
                {
                    if (!_trailing)
                    {
                        _trailing = true;
                        _ = WriteLaterAsync(since < Interval ? Interval - since : Interval);
                    }

                    return;
                }

                _lastWrite = now;
                _pending = WriteAsync(_latest);
            }
        }

        private async Task WriteLaterAsync(TimeSpan wait)
        {
            await Task.Delay(wait, time);
            lock (_gate)
            {
                _trailing = false;
                _lastWrite = time.GetTimestamp();
                _pending = WriteAfterAsync(_pending, _latest);
            }
        }

        private async Task WriteAfterAsync(Task previous, (int Done, int Total, string? Text) latest)
        {
            await previous;
            await WriteAsync(latest);
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            Task pending;
            (int, int, string?) latest;
            lock (_gate)
            {
                pending = _pending;
                latest = _latest;
            }

            await pending;
            await scans.ReportProgressAsync(scanId, latest.Item1, latest.Item2, latest.Item3, cancellationToken);
        }

        private async Task WriteAsync((int Done, int Total, string? Text) p)
        {
            try
            {
                await scans.ReportProgressAsync(scanId, p.Done, p.Total, p.Text, CancellationToken.None);
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Could not record progress of scan {ScanId}", scanId);
            }
        }
    }
}

/// <summary>What the CLI and the job print. Status: succeeded, partial, failed or skipped (another scan was running).</summary>
public sealed record ScanSummary(
    long? ScanId, string Status, int Added, int Changed, int Removed, int Unchanged, int Skipped, int Calls,
    TimeSpan Duration, IReadOnlyList<string> Errors);
