using Dapper;
using Npgsql;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>
/// Scenarios (one row each, the definition as JSON) and the dated cloud price table. A deleted
/// scenario is only marked (<c>deleted_at</c>): every read here skips it, so it leaves lists,
/// comparisons, reports and the API at once, and it can be restored for <see cref="RestoreDays"/>
/// days before <see cref="PurgeExpiredAsync"/> removes it.
/// </summary>
public sealed class ScenarioStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>How long a deleted scenario can be restored.</summary>
    public const int RestoreDays = 30;

    private const string SummaryColumns =
        "id AS Id, name AS Name, owner AS Owner, description AS Description, created_at AS CreatedAt, updated_at AS UpdatedAt, board_position AS BoardPosition";

    /// <summary>Board positions stay 1, 2, 3 … after a scenario leaves the board.</summary>
    private const string CloseBoardGaps =
        """
        UPDATE sourcing.scenario s SET board_position = r.position
        FROM (SELECT id, row_number() OVER (ORDER BY board_position) AS position FROM sourcing.scenario WHERE board_position IS NOT NULL) r
        WHERE s.id = r.id AND s.board_position <> r.position
        """;

    /// <summary>How many scenarios the board sees at most: a comparison holds two to four.</summary>
    public const int MaxOnBoard = 4;

    /// <summary>Every scenario: the board's first, in their order, then the others by name.</summary>
    public async Task<IReadOnlyList<ScenarioSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM sourcing.scenario WHERE deleted_at IS NULL ORDER BY board_position NULLS LAST, name", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    public async Task<StoredScenario?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SummaryRow>(new CommandDefinition(
            $"SELECT {SummaryColumns}, definition::text AS Definition FROM sourcing.scenario WHERE name = @name AND deleted_at IS NULL",
            new { name }, cancellationToken: cancellationToken));
        return row is null ? null : new StoredScenario(row.ToSummary(), ScenarioJson.Deserialize(row.Definition!));
    }

    /// <summary>
    /// Inserts or replaces the scenario with the same name; returns its id. A deleted scenario of that
    /// name is replaced too (the import's "replace" meaning); the web form asks first.
    /// </summary>
    public async Task<long> SaveAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO sourcing.scenario (name, owner, description, definition, created_at, updated_at)
            VALUES (@Name, @Owner, @Description, @Definition::jsonb, @Now, @Now)
            ON CONFLICT (name) DO UPDATE SET
                owner = EXCLUDED.owner,
                description = EXCLUDED.description,
                definition = EXCLUDED.definition,
                updated_at = EXCLUDED.updated_at,
                created_at = CASE WHEN sourcing.scenario.deleted_at IS NULL THEN sourcing.scenario.created_at ELSE EXCLUDED.created_at END,
                deleted_at = NULL,
                deleted_by = NULL
            RETURNING id
            """,
            new { scenario.Name, scenario.Owner, scenario.Description, Definition = ScenarioJson.Serialize(scenario), Now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks the scenario deleted (restorable for <see cref="RestoreDays"/> days) and takes it off the board
    /// (a restored scenario is put back on the board by hand); false when there is none.
    /// </summary>
    public async Task<bool> DeleteAsync(string name, string deletedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sourcing.scenario SET deleted_at = @now, deleted_by = @deletedBy, board_position = NULL WHERE name = @name AND deleted_at IS NULL",
            new { name, deletedBy, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken)) > 0;
        await connection.ExecuteAsync(new CommandDefinition(CloseBoardGaps, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>Brings a deleted scenario back if it was deleted less than <see cref="RestoreDays"/> days ago.</summary>
    public async Task<bool> RestoreAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sourcing.scenario SET deleted_at = NULL, deleted_by = NULL WHERE name = @name AND deleted_at > @cutoff",
            new { name, cutoff = Cutoff() }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The deleted scenarios still restorable, newest first; purges the expired ones first.</summary>
    public async Task<IReadOnlyList<DeletedScenario>> ListDeletedAsync(CancellationToken cancellationToken)
    {
        await PurgeExpiredAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeletedRow>(new CommandDefinition(
            """
            SELECT name AS Name, owner AS Owner, deleted_at AS DeletedAt, coalesce(deleted_by, '') AS DeletedBy
            FROM sourcing.scenario WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, name
            """, cancellationToken: cancellationToken));
        return [.. rows.Select(r =>
        {
            var deletedAt = new DateTimeOffset(DateTime.SpecifyKind(r.DeletedAt, DateTimeKind.Utc));
            return new DeletedScenario(r.Name, r.Owner, deletedAt, r.DeletedBy, deletedAt.AddDays(RestoreDays));
        })];
    }

    /// <summary>Removes for good the scenarios deleted <see cref="RestoreDays"/> days ago or more; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sourcing.scenario WHERE deleted_at <= @cutoff", new { cutoff = Cutoff() }, cancellationToken: cancellationToken));
    }

    /// <summary>Removes a scenario at once, without the restore window (a rename leaves no copy of the old name behind).</summary>
    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sourcing.scenario WHERE name = @name", new { name }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// The scenarios the board sees, in order (position 1 first); every other scenario leaves the
    /// board. Names that do not exist are skipped; at most <see cref="MaxOnBoard"/> are kept.
    /// </summary>
    public async Task SetBoardOrderAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var order = names.Distinct(StringComparer.Ordinal).Take(MaxOnBoard).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sourcing.scenario SET board_position = NULL WHERE board_position IS NOT NULL;
            UPDATE sourcing.scenario s SET board_position = o.position
            FROM unnest(@order) WITH ORDINALITY AS o(name, position)
            WHERE s.name = o.name AND s.deleted_at IS NULL;
            """, new { order }, transaction, cancellationToken: cancellationToken));
        // Close the gaps a skipped name left: positions stay 1, 2, 3 …
        await connection.ExecuteAsync(new CommandDefinition(CloseBoardGaps, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The board's scenarios in order.</summary>
    public async Task<IReadOnlyList<ScenarioSummary>> BoardAsync(CancellationToken cancellationToken) =>
        [.. (await ListAsync(cancellationToken)).Where(s => s.BoardPosition is not null)];

    public async Task SavePriceTableAsync(CloudPriceTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var row in table.Rows)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO sourcing.cloud_price (as_of, region, size, windows, vcpu, memory_gib, sek_per_month, source)
                VALUES (@AsOf::date, @Region, @Size, @Windows, @VCpu, @MemoryGib, @SekPerMonth, @Source)
                ON CONFLICT (as_of, region, size, windows) DO UPDATE SET
                    vcpu = EXCLUDED.vcpu, memory_gib = EXCLUDED.memory_gib,
                    sek_per_month = EXCLUDED.sek_per_month, source = EXCLUDED.source
                """,
                new
                {
                    AsOf = table.AsOf.ToDateTime(TimeOnly.MinValue),
                    table.Region,
                    row.Size,
                    row.Windows,
                    row.VCpu,
                    MemoryGib = (decimal)row.MemoryGib,
                    SekPerMonth = (decimal)row.SekPerMonth,
                    table.Source,
                },
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The newest price list for the region dated on or before <paramref name="asOf"/> (any date when null).</summary>
    public async Task<CloudPriceTable?> GetPriceTableAsync(string region, DateOnly? asOf, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<PriceRow>(new CommandDefinition(
            """
            SELECT as_of::timestamp AS AsOf, size AS Size, windows AS Windows, vcpu AS VCpu, memory_gib AS MemoryGib,
                   sek_per_month AS SekPerMonth, source AS Source
            FROM sourcing.cloud_price
            WHERE region = @region
              AND as_of = (SELECT max(as_of) FROM sourcing.cloud_price WHERE region = @region AND (@asOf::date IS NULL OR as_of <= @asOf::date))
            ORDER BY size, windows
            """,
            new { region, asOf = asOf?.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        return new CloudPriceTable
        {
            AsOf = DateOnly.FromDateTime(rows[0].AsOf),
            Region = region,
            Source = rows[0].Source,
            Rows = [.. rows.Select(r => new CloudPrice(r.Size, r.VCpu, (double)r.MemoryGib, r.Windows, (double)r.SekPerMonth))],
        };
    }

    private sealed class SummaryRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Owner { get; set; } = "";
        public string Description { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
        public int? BoardPosition { get; set; }
        public string? Definition { get; set; }

        public ScenarioSummary ToSummary() => new(Id, Name, Owner, Description,
            new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)), BoardPosition);
    }

    private DateTimeOffset Cutoff() => timeProvider.GetUtcNow().AddDays(-RestoreDays);

    private sealed class DeletedRow
    {
        public string Name { get; set; } = "";
        public string Owner { get; set; } = "";
        public DateTime DeletedAt { get; set; }
        public string DeletedBy { get; set; } = "";
    }

    private sealed class PriceRow
    {
        public DateTime AsOf { get; set; }
        public string Size { get; set; } = "";
        public bool Windows { get; set; }
        public int VCpu { get; set; }
        public decimal MemoryGib { get; set; }
        public decimal SekPerMonth { get; set; }
        public string Source { get; set; } = "";
    }
}
