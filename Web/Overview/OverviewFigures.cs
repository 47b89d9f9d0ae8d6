using Microsoft.Extensions.Options;
using Sourcing.Web.Caching;

namespace Sourcing.Web.Overview;

/// <summary>
/// The overview's estate, trend and portfolio figures (the scenario headline included), kept in
/// <see cref="InputsCache"/> until the inputs or the day change: the next view, or
/// <see cref="OverviewRefresher"/> before it, computes them again. Scan health is not kept; the page
/// reads it on every view.
/// </summary>
public sealed class OverviewFigures(IServiceScopeFactory scopes, InputsCache cache)
{
    private const string Name = "overview";
    private int _computed;

    /// <summary>Computations done (not kept answers); for tests.</summary>
    public int Computed => Volatile.Read(ref _computed);

    public Task<OverviewSnapshot> GetAsync(CancellationToken cancellationToken) => cache.GetAsync(Name, ComputeAsync, cancellationToken);

    /// <summary>True when the kept figures are those of the current inputs and day.</summary>
    public Task<bool> IsCurrentAsync(CancellationToken cancellationToken) => cache.IsCurrentAsync(Name, cancellationToken);

    private async Task<OverviewSnapshot> ComputeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OverviewStore>();
        var portfolio = scope.ServiceProvider.GetRequiredService<PortfolioOverview>();
        var value = new OverviewSnapshot(
            await store.EstateAsync(cancellationToken), await store.VmTrendAsync(cancellationToken), await portfolio.SummaryAsync(cancellationToken));
        Interlocked.Increment(ref _computed);
        return value;
    }
}

public sealed record OverviewSnapshot(EstateSummary Estate, IReadOnlyList<TrendPoint> Trend, PortfolioSummary Portfolio);

/// <summary>How often the web app checks whether the overview's figures must be computed again (0 = never; then the first view does it).</summary>
public sealed class OverviewOptions
{
    public int RefreshSeconds { get; set; } = 30;
}

/// <summary>
/// Computes the overview's figures again soon after the inputs change (a nightly scan, an analysis, a
/// scenario saved), so the first person to open the overview afterwards does not wait for the forecast.
/// </summary>
public sealed class OverviewRefresher(OverviewFigures figures, IOptions<OverviewOptions> options, ILogger<OverviewRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.RefreshSeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                if (!await figures.IsCurrentAsync(stoppingToken))
                {
                    await figures.GetAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The page computes them itself when asked; the next tick tries again.
                logger.LogWarning("Overview figures could not be refreshed: {Message}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
