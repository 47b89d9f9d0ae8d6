using Dapper;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Collector.Inventory;

/// <summary>
/// VMs' CPU and memory use, one sample a day per VM (sourcing.vm_utilisation), and the p95 over
/// recent days that right-sizing reads. Samples come with each scan from the collector (vSphere
/// summary.quickStats through VI/JSON) for today, and for past days from the vCenter's kept
/// statistics (<see cref="RecordHistoryAsync"/>); a VM without enough days of samples is sized by its
/// configuration, and <see cref="VmUtilisationP95.Enough"/> says so.
/// </summary>
public sealed class UtilisationStore(NpgsqlDataSource dataSource)
{
    /// <summary>Days of samples a p95 needs before it replaces the configured size.</summary>
    public const int MinimumDays = Analyzer.Planning.RightSizing.MinimumDays;

    /// <summary>Stores today's sample of every record that carries one (the latest scan of a day replaces the day's sample).</summary>
    public Task<int> RecordAsync(long sourceId, long? scanId, IReadOnlyList<ResourceRecord> resources, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return RecordAsync(
            sourceId, scanId, [.. resources.Where(r => r.Utilisation is not null).Select(r => (r.ExternalId, r.Utilisation!))], now, cancellationToken);
    }

    /// <summary>Stores today's samples, one per VM by its external id.</summary>
    public async Task<int> RecordAsync(
        long sourceId, long? scanId, IReadOnlyList<(string ExternalId, VmUtilisation Utilisation)> samples, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE incoming_utilisation (external_id text, cpu numeric(5, 2), memory numeric(5, 2)) ON COMMIT DROP",
            connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY incoming_utilisation FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (externalId, u) in samples)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(externalId, NpgsqlDbType.Text, cancellationToken);
                if (u.CpuPercent is { } cpu) { await writer.WriteAsync(cpu, NpgsqlDbType.Numeric, cancellationToken); } else { await writer.WriteNullAsync(cancellationToken); }
                if (u.MemoryPercent is { } mem) { await writer.WriteAsync(mem, NpgsqlDbType.Numeric, cancellationToken); } else { await writer.WriteNullAsync(cancellationToken); }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var written = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sourcing.vm_utilisation (resource_id, day, cpu_percent, memory_percent, scan_id)
            SELECT r.id, @day::date, i.cpu, i.memory, @scanId
            FROM incoming_utilisation i JOIN sourcing.resource r ON r.source_id = @sourceId AND r.external_id = i.external_id
            ON CONFLICT (resource_id, day) DO UPDATE
                SET cpu_percent = excluded.cpu_percent, memory_percent = excluded.memory_percent, scan_id = excluded.scan_id,
                    from_statistics = false
            """,
            new { sourceId, scanId, day = now.UtcDateTime.Date }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// Every VM's measured use over the right-sizing window (<see cref="Analyzer.Planning.RightSizing.WindowDays"/>)
    /// by resource id, in one query: what the forecast's estate and the analysis read.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, MeasuredUse>> MeasuredUseAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var p95 = await P95Async(null, now, Analyzer.Planning.RightSizing.WindowDays, cancellationToken);
        return p95.ToDictionary(kv => kv.Key, kv => kv.Value.ToMeasuredUse());
    }

    /// <summary>
    /// Stores past days from the source's kept statistics, one set-based write (binary COPY into a temporary table, then
    /// one INSERT). A day from the statistics replaces a scan's reading of the same day: the scan read one instant (a
    /// nightly scan sees the VM at rest), the statistics the day's highest 2-hour average. Days of VMs the inventory does
    /// not hold are left out. Answers the rows written.
    /// </summary>
    public async Task<int> RecordHistoryAsync(
        long sourceId, long? scanId, IReadOnlyList<VmUtilisationHistory> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE incoming_history (external_id text, day date, cpu numeric(5, 2), memory numeric(5, 2)) ON COMMIT DROP",
            connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY incoming_history FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var vm in history)
            {
                foreach (var day in vm.Days)
                {
                    if (day.CpuPercent is null && day.MemoryPercent is null)
                    {
                        continue;
                    }

                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(vm.ExternalId, NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(day.Day, NpgsqlDbType.Date, cancellationToken);
                    if (day.CpuPercent is { } cpu) { await writer.WriteAsync(Math.Min(cpu, 100m), NpgsqlDbType.Numeric, cancellationToken); } else { await writer.WriteNullAsync(cancellationToken); }
                    if (day.MemoryPercent is { } mem) { await writer.WriteAsync(Math.Min(mem, 100m), NpgsqlDbType.Numeric, cancellationToken); } else { await writer.WriteNullAsync(cancellationToken); }
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var written = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sourcing.vm_utilisation (resource_id, day, cpu_percent, memory_percent, scan_id, from_statistics)
            SELECT r.id, i.day, i.cpu, i.memory, @scanId, true
            FROM incoming_history i JOIN sourcing.resource r ON r.source_id = @sourceId AND r.external_id = i.external_id
            ON CONFLICT (resource_id, day) DO UPDATE
                SET cpu_percent = excluded.cpu_percent, memory_percent = excluded.memory_percent, scan_id = excluded.scan_id,
                    from_statistics = true
            """,
            new { sourceId, scanId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>The last day before <paramref name="today"/> whose samples of this source came from its kept statistics, or null.</summary>
    public async Task<DateOnly?> StatisticsKnownThroughAsync(long sourceId, DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var day = await connection.ExecuteScalarAsync(new CommandDefinition(
            """
            SELECT max(u.day) FROM sourcing.vm_utilisation u JOIN sourcing.resource r ON r.id = u.resource_id
            WHERE r.source_id = @sourceId AND u.from_statistics AND u.day < @today
            """,
            new { sourceId, today = today.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return day switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            _ => null,
        };
    }

    /// <summary>
    /// The 95th percentile of CPU and memory use of each VM over the <paramref name="days"/> days up to
    /// <paramref name="now"/>, for the given resources (all VMs with samples when null).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, VmUtilisationP95>> P95Async(
        IReadOnlyCollection<long>? resourceIds, DateTimeOffset now, int days, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<VmUtilisationP95>(new CommandDefinition(
            """
            SELECT resource_id AS ResourceId,
                   round(percentile_cont(0.95) WITHIN GROUP (ORDER BY cpu_percent)::numeric, 2) AS CpuP95,
                   round(percentile_cont(0.95) WITHIN GROUP (ORDER BY memory_percent)::numeric, 2) AS MemoryP95,
                   count(*)::int AS Days
            FROM sourcing.vm_utilisation
            WHERE day > @from::date AND day <= @to::date AND (@all OR resource_id = ANY(@ids))
            GROUP BY resource_id
            """,
            new
            {
                from = now.UtcDateTime.Date.AddDays(-days),
                to = now.UtcDateTime.Date,
                all = resourceIds is null,
                ids = resourceIds?.ToArray() ?? [],
            },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.ResourceId);
    }
}

/// <summary>
/// A VM's p95 CPU and memory use (percent of configured) over <see cref="Days"/> daily samples.
/// <see cref="Enough"/> is false below <see cref="UtilisationStore.MinimumDays"/>: then size by the configuration and say so.
/// </summary>
public sealed record VmUtilisationP95
{
    public long ResourceId { get; init; }
    public decimal? CpuP95 { get; init; }
    public decimal? MemoryP95 { get; init; }
    public int Days { get; init; }

    public bool Enough => Days >= UtilisationStore.MinimumDays;

    public MeasuredUse ToMeasuredUse() => new((double?)CpuP95, (double?)MemoryP95, Days);
}
