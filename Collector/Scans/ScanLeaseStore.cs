using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Sourcing.Collector.Scans;

/// <summary>
/// Leases on sources (sourcing.scan_lease): one live lease per source, renewed while the scan runs, expiring on its
/// own when the process dies. Times are the database's (clock_timestamp()), so hosts with skewed clocks agree.
/// <see cref="FenceAsync"/> is run by the store inside its write transaction: only the lease's current token, unexpired,
/// may commit, and the row lock it takes keeps a takeover out until that commit is done.
/// </summary>
public sealed class ScanLeaseStore(NpgsqlDataSource dataSource, ScanLeaseOptions? options = null, ILogger<ScanLeaseStore>? logger = null)
{
    public ScanLeaseOptions Options { get; } = options ?? new ScanLeaseOptions();

    /// <summary>Takes the source's lease if it is free or expired; null when a live scan holds it.</summary>
    public async Task<ScanLease?> TryAcquireAsync(long sourceId, string holder, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var token = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO sourcing.scan_lease (source_id, token, holder, acquired_at, expires_at)
            VALUES (@sourceId, 1, @holder, clock_timestamp(), clock_timestamp() + make_interval(secs => @ttl))
            ON CONFLICT (source_id) DO UPDATE
               SET token = sourcing.scan_lease.token + 1, holder = excluded.holder, scan_id = NULL,
                   acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
             WHERE sourcing.scan_lease.expires_at <= clock_timestamp()
            RETURNING token
            """,
            new { sourceId, holder, ttl = Options.Ttl.TotalSeconds }, cancellationToken: cancellationToken));
        return token is { } t ? new ScanLease(sourceId, t) : null;
    }

    /// <summary>Extends the lease; false when it is no longer this scan's (expired and taken, or expired).</summary>
    public async Task<bool> RenewAsync(ScanLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sourcing.scan_lease SET expires_at = clock_timestamp() + make_interval(secs => @ttl)
             WHERE source_id = @SourceId AND token = @Token AND expires_at > clock_timestamp()
            """,
            new { lease.SourceId, lease.Token, ttl = Options.Ttl.TotalSeconds }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task AttachScanAsync(ScanLease lease, long scanId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sourcing.scan_lease SET scan_id = @scanId WHERE source_id = @SourceId AND token = @Token",
            new { lease.SourceId, lease.Token, scanId }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends the lease at once so the next scan need not wait; the token stays, so it keeps growing.</summary>
    public async Task ReleaseAsync(ScanLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sourcing.scan_lease SET expires_at = '-infinity' WHERE source_id = @SourceId AND token = @Token",
                new { lease.SourceId, lease.Token }));
        }
        catch (NpgsqlException e)
        {
            // It expires by itself after the TTL.
            logger?.LogWarning(e, "Could not release the scan lease of source {SourceId}", lease.SourceId);
        }
    }

    /// <summary>
    /// Renews the lease every <see cref="ScanLeaseOptions.RenewEvery"/> until <paramref name="stop"/> is cancelled;
    /// cancels <paramref name="lost"/> when the lease turns out to be someone else's or expired. A renewal that
    /// fails on the database (restart, lost connection) is tried again at the next beat: the lease row outlives the
    /// connection, and if the database stays away past the TTL the next renewal (or the fence) finds it lost.
    /// </summary>
    public async Task KeepAsync(ScanLease lease, CancellationTokenSource lost, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(lost);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Options.RenewEvery, Options.Time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (!await RenewAsync(lease, stop))
                {
                    logger?.LogError("Scan lease of source {SourceId} (token {Token}) was lost; the scan stops", lease.SourceId, lease.Token);
                    await lost.CancelAsync();
                    return;
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger?.LogWarning(e, "Could not renew the scan lease of source {SourceId}; trying again", lease.SourceId);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// In the store's write transaction, just before commit: checks that <paramref name="lease"/> is still the source's
    /// live lease and locks its row until commit (a takeover waits); throws <see cref="ScanLeaseLostException"/> otherwise.
    /// </summary>
    public static async Task FenceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ScanLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var command = new NpgsqlCommand(
            """
            SELECT 1 FROM sourcing.scan_lease
             WHERE source_id = @source AND token = @token AND expires_at > clock_timestamp()
            FOR UPDATE
            """, connection, transaction);
        command.Parameters.AddWithValue("source", lease.SourceId);
        command.Parameters.AddWithValue("token", lease.Token);
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            throw new ScanLeaseLostException(lease);
        }
    }
}

/// <summary>A held lease: the source and the fencing token this scan got.</summary>
public sealed record ScanLease(long SourceId, long Token);

/// <summary>How long a lease lives without renewal, and how often a running scan renews it.</summary>
public sealed record ScanLeaseOptions
{
    public TimeSpan Ttl { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan RenewEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock of the renewal beat (not of the scan, whose clock tests may freeze).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>The scan's lease expired or was taken over: it may not store anything and is marked failed.</summary>
public sealed class ScanLeaseLostException(ScanLease lease)
    : Exception($"Skanningen förlorade ensamrätten till källan (lease {lease?.Token} har gått ut eller tagits över av en annan skanning); inget sparades.");
