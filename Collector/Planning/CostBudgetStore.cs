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
    public async Task SaveAsync(string pool, double? sekPerYear, string source, int? budgetYear, string by, CancellationToken cancellationToken)
    {
        if (pool != CostPools.TotalKey && (!CostPools.TryGet(pool, out var info) || info.Pool == CostPool.DriftStaff))
        {
            throw new ArgumentException("Okänd kostnadspool: " + pool, nameof(pool));
        }

        if (sekPerYear is { } value && (!double.IsFinite(value) || value < 0 || value > MaxSekPerYear))
        {
            throw new ArgumentOutOfRangeException(nameof(sekPerYear), "Beloppet måste vara 0–99 999 999 999 kr/år.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (sekPerYear is null)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sourcing.cost_budget WHERE pool = @pool", new { pool }, cancellationToken: cancellationToken));
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sourcing.cost_budget (pool, sek_per_year, source, budget_year, updated_at, updated_by)
            VALUES (@pool, @sek, @source, @budgetYear, now(), @by)
            ON CONFLICT (pool) DO UPDATE SET sek_per_year = EXCLUDED.sek_per_year, source = EXCLUDED.source,
                budget_year = EXCLUDED.budget_year, updated_at = now(), updated_by = EXCLUDED.updated_by
            """, new { pool, sek = (decimal)Math.Round(sekPerYear.Value), source, budgetYear, by }, cancellationToken: cancellationToken));
    }
}
