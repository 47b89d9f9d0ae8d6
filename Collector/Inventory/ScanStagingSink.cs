using Npgsql;
using NpgsqlTypes;

namespace Sourcing.Collector.Inventory;

/// <summary>
/// Writes a running scan's records to sourcing.scan_staging with binary COPY, <see cref="BatchSize"/> at a time, so
/// memory holds one batch, not the estate. Staged rows are not inventory: <see cref="ResourceStore.ApplyStagedAsync"/>
/// applies them in the scan's one transaction. Keeps only what the runner needs afterwards: how many were written,
/// whether any had unread fields, and the VMs' utilisation samples (a few bytes each).
/// </summary>
public sealed class ScanStagingSink(NpgsqlDataSource dataSource, long scanId, int batchSize = ScanStagingSink.BatchSize) : IResourceSink, IDisposable
{
    public const int BatchSize = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<ResourceRecord> _buffer = [];
    private readonly List<(string ExternalId, VmUtilisation Utilisation)> _utilisation = [];
    private int _written;
    private bool _anyUnread;

    /// <summary>Records handed over so far (written or waiting in the last batch).</summary>
    public int Count => _written + _buffer.Count;

    public bool AnyUnread => _anyUnread;

    public IReadOnlyList<(string ExternalId, VmUtilisation Utilisation)> Utilisation => _utilisation;

    public async ValueTask AddAsync(IReadOnlyList<ResourceRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var record in batch)
            {
                _buffer.Add(record);
                _anyUnread |= record.Unread.Count > 0;
                if (record.Utilisation is { } u)
                {
                    _utilisation.Add((record.ExternalId, u));
                }

                if (_buffer.Count >= batchSize)
                {
                    await WriteBufferAsync(cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes what is still buffered.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await WriteBufferAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteBufferAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY sourcing.scan_staging (scan_id, external_id, kind, name, datacenter, cluster, host, folder_path, subscription_id, "
            + "resource_group, resource_type, location, power_state, guest_os, os_family, os_version, cpu_count, memory_mib, "
            + "storage_gib, tags, attributes, raw, content_hash, unread) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var record in _buffer)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(scanId, NpgsqlDbType.Bigint, cancellationToken);
                await ResourceStore.WriteRowAsync(writer, record, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        _written += _buffer.Count;
        _buffer.Clear();
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Drops the staged rows of this scan (it failed) and of any scan no longer running (a process that died mid-scan).
    /// </summary>
    public static async Task DiscardAsync(NpgsqlDataSource dataSource, long scanId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM sourcing.scan_staging st
            WHERE st.scan_id = @scan
               OR NOT EXISTS (SELECT 1 FROM sourcing.scan s WHERE s.id = st.scan_id AND s.status = 'running')
            """, connection);
        command.Parameters.AddWithValue("scan", scanId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
