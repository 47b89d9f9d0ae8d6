using Dapper;
using Npgsql;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>One figure from the region's books: what a cost pool (or the total) costs per year.</summary>
public sealed record CostBudgetRow(string Pool, double SekPerYear, string Source, int? BudgetYear, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>The region's stated IT operation costs per pool (sourcing.cost_budget), which the forecast calibrates to.</summary>
public sealed class CostBudgetStore(NpgsqlDataSource dataSource)
{
    public const double MaxSekPerYear = 99_999_999_999;

    public async Task<IReadOnlyList<CostBudgetRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Pool, decimal Sek, string Source, int? Year, DateTime At, string By)>(new CommandDefinition(
            "SELECT pool, sek_per_year, source, budget_year, updated_at, updated_by FROM sourcing.cost_budget ORDER BY pool",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new CostBudgetRow(r.Pool, (double)r.Sek, r.Source, r.Year,
            new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.By))];
    }

    /// <summary>Sets a pool's figure, or removes it when <paramref name="sekPerYear"/> is null. Keys are checked against the pool list.</summary>
    public Task SaveAsync(string pool, double? sekPerYear, string source, int? budgetYear, string by, CancellationToken cancellationToken) =>
        SaveAllAsync([new CostBudgetChange(pool, sekPerYear, source, budgetYear)], by, cancellationToken);

    /// <summary>Sets or removes several figures in one transaction: all of them are stored, or none.</summary>
    public async Task SaveAllAsync(IReadOnlyList<CostBudgetChange> changes, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (change.Pool != CostPools.TotalKey && (!CostPools.TryGet(change.Pool, out var info) || info.Pool == CostPool.DriftStaff))
            {
                throw new ArgumentException("Okänd kostnadspool: " + change.Pool, nameof(changes));
            }

            if (change.SekPerYear is { } value && (!double.IsFinite(value) || value < 0 || value > MaxSekPerYear))
            {
                throw new ArgumentOutOfRangeException(nameof(changes), "Beloppet måste vara 0–99 999 999 999 kr/år.");
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var change in changes)
        {
            if (change.SekPerYear is null)
            {
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sourcing.cost_budget WHERE pool = @Pool", new { change.Pool }, transaction, cancellationToken: cancellationToken));
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO sourcing.cost_budget (pool, sek_per_year, source, budget_year, updated_at, updated_by)
                VALUES (@pool, @sek, @source, @budgetYear, now(), @by)
                ON CONFLICT (pool) DO UPDATE SET sek_per_year = EXCLUDED.sek_per_year, source = EXCLUDED.source,
                    budget_year = EXCLUDED.budget_year, updated_at = now(), updated_by = EXCLUDED.updated_by
                """,
                new { pool = change.Pool, sek = (decimal)Math.Round(change.SekPerYear.Value), source = change.Source, budgetYear = change.BudgetYear, by },
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>One figure to set (or, with no amount, to remove).</summary>
public sealed record CostBudgetChange(string Pool, double? SekPerYear, string Source, int? BudgetYear);
