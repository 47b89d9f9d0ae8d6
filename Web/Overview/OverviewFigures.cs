using Microsoft.Extensions.Options;
using Sourcing.Collector.Planning;

namespace Sourcing.Web.Overview;

/// <summary>
/// The overview's estate, trend and portfolio figures (the scenario headline included), kept under the
/// planning inputs' version and today's date (migration 0090). The version is read before the figures,
/// so what is kept is never older than its key, and any committed change to the inventory, workloads,
/// assessments, budgets or scenarios raises the version: the next view, or <see cref="OverviewRefresher"/>
/// before it, computes them again. Scan health is not kept; the page reads it on every view.
/// </summary>
public sealed class OverviewFigures(IServiceScopeFactory scopes, PlanningInputVersion inputVersion, TimeProvider time)
{
    private readonly Lock _gate = new();
    private (OverviewKey Key, OverviewSnapshot Value)? _last;

    /// <summary>Computations done (not kept answers); for tests and the benchmark.</summary>
    public int Computed => Volatile.Read(ref _computed);

    private int _computed;

    public async Task<OverviewSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        lock (_gate)
        {
            if (_last is { } last && last.Key == key)
            {
                return last.Value;
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OverviewStore>();
        var portfolio = scope.ServiceProvider.GetRequiredService<PortfolioOverview>();
        var value = new OverviewSnapshot(
            await store.EstateAsync(cancellationToken), await store.VmTrendAsync(cancellationToken), await portfolio.SummaryAsync(cancellationToken));
        Interlocked.Increment(ref _computed);
        lock (_gate)
        {
            // Never replace what a newer version gave with an older one computed alongside.
            if (_last is not { } last || last.Key.InputVersion < key.InputVersion || (last.Key.InputVersion == key.InputVersion && last.Key.Day < key.Day))
            {
                _last = (key, value);
            }
        }

        return value;
    }

    /// <summary>True when the kept figures are those of the current inputs and day.</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        lock (_gate)
        {
            return _last is { } last && last.Key == key;
        }
    }

    private async Task<OverviewKey> KeyAsync(CancellationToken cancellationToken) =>
        new(await inputVersion.CurrentAsync(cancellationToken), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    private readonly record struct OverviewKey(long InputVersion, DateOnly Day);
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
