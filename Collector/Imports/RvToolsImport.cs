using Dapper;
using Npgsql;
using Sourcing.Collector.Cli;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Scans;

namespace Sourcing.Collector.Imports;

/// <summary>
/// Imports an RVTools export as the inventory of a source of kind "rvtools" (created when the name is
/// new). The file is read and checked first; the changes are computed against the store and reported;
/// then, unless it is a dry run and only if something changed, the records are persisted. Importing
/// the same file again changes nothing.
/// </summary>
public sealed class RvToolsImport(NpgsqlDataSource dataSource, TimeProvider time)
{
    public long MaxBytes { get; init; } = ImportFiles.DefaultMaxBytes;

    /// <summary>Persists a complete collection for a source; by default as a scan with trigger "import" (ScanStore + ResourceStore), replaceable in tests.</summary>
    public Func<long, CollectResult, CancellationToken, Task>? Persist { get; init; }

    /// <exception cref="ImportFileException">The file cannot be imported; nothing was written.</exception>
    /// <exception cref="UsageException">The source exists with another kind.</exception>
    public async Task<RvToolsImportReport> RunAsync(string path, string? sourceName, bool dryRun, CancellationToken cancellationToken)
    {
        var export = RvToolsReader.Read(path, MaxBytes);
        var fileName = Path.GetFileName(path);
        var source = string.IsNullOrWhiteSpace(sourceName) ? "rvtools-" + Path.GetFileNameWithoutExtension(path) : sourceName.Trim();
        var result = export.ToCollectResult();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var existing = await connection.QueryFirstOrDefaultAsync<(long Id, string Kind)?>(new CommandDefinition(
            "SELECT id, kind FROM sourcing.source WHERE name = @source", new { source }, cancellationToken: cancellationToken));
        if (existing is { Kind: not "rvtools" } other)
        {
            throw new UsageException($"Källan \"{source}\" finns redan och är av typen {other.Kind}; välj ett annat namn med --source.");
        }

        var plan = existing is { } found
            ? await ResourcePlanner.PlanAsync(connection, null, found.Id, result.Resources, cancellationToken)
            : new ResourcePlan(result.Resources, [], [], [], 0);
        var report = new RvToolsImportReport(fileName, source, SourceCreated: existing is null, export, plan, dryRun);
        if (dryRun || !plan.HasChanges)
        {
            return report;
        }

        var sourceId = existing?.Id ?? await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO sourcing.source (name, kind, schedule, enabled) VALUES (@source, 'rvtools', '', false)
            ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id
            """, new { source }, cancellationToken: cancellationToken));
        var persist = Persist ?? PersistAsScanAsync;
        await persist(sourceId, result, cancellationToken);
        return report;
    }

    private async Task PersistAsScanAsync(long sourceId, CollectResult result, CancellationToken cancellationToken)
    {
        var scans = new ScanStore(dataSource);
        var scanId = await scans.StartAsync(sourceId, "import", time.GetUtcNow(), cancellationToken);
        try
        {
            var applied = await new ResourceStore(dataSource).ApplyScanAsync(sourceId, scanId, result.Resources, complete: true, time.GetUtcNow(), cancellationToken);
            await scans.FinishAsync(scanId, new ScanOutcome("succeeded", applied.Added + applied.Restored, applied.Changed, applied.Removed, applied.Unchanged, result.Skipped, 0, []),
                time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            await scans.FinishAsync(scanId, new ScanOutcome("failed", 0, 0, 0, 0, 0, 0, ["Importen kunde inte sparas: " + e.Message]), time.GetUtcNow(), CancellationToken.None);
            throw;
        }
    }
}
