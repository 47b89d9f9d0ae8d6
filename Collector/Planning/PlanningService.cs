using Sourcing.Analyzer.Planning;
namespace Sourcing.Collector.Planning;

/// <summary>
/// What the scenario, forecast and report pages, the JSON API and `sourcing forecast` share: load a
/// stored scenario (or the board's first one), resolve it against today's systems and run the
/// forecast. The systems are loaded once per request; the model itself is pure and fast.
/// </summary>
public sealed class PlanningService(ScenarioStore store, IEstateSource estateSource)
{
    public ScenarioStore Store => store;

    public Task<Estate> EstateAsync(CancellationToken cancellationToken) => estateSource.LoadAsync(cancellationToken);

    /// <summary>The named scenario; without a name the board's first, else the first by name.</summary>
    public async Task<StoredScenario?> FindAsync(string? name, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            return await store.GetAsync(name, cancellationToken);
        }

        var list = await store.ListAsync(cancellationToken);
        // The list puts the board's scenarios first, in their order.
        var pick = list.Count > 0 ? list[0] : null;
        return pick is null ? null : await store.GetAsync(pick.Name, cancellationToken);
    }

    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken) =>
        Run(scenario, await EstateAsync(cancellationToken), await PricesAsync(scenario, cancellationToken));

    /// <summary>
    /// Compiles and forecasts against an estate already loaded (lists and comparisons run many scenarios).
    /// <c>complete: false</c> leaves out the break-even values and the P10–P90 simulation (a few hundred
    /// more runs), for pages that show neither.
    /// </summary>
    public static ScenarioResult Run(Scenario scenario, Estate estate, CloudPriceTable? prices, bool complete = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var plan = PlanCompiler.Compile(scenario, estate, prices);
        var assumptions = PlanningAssumptions.ForScenario(scenario);
        return new ScenarioResult(scenario, plan, assumptions, Forecaster.Run(plan, assumptions, withBreakEven: complete));
    }

    /// <summary>The scenario's own prices, else the newest stored list for the default region (the compiler falls back to the shipped list).</summary>
    public async Task<CloudPriceTable?> PricesAsync(Scenario scenario, CancellationToken cancellationToken) =>
        scenario.CloudPrices ?? await store.GetPriceTableAsync(CloudPriceTable.Default.Region, null, cancellationToken);
}
