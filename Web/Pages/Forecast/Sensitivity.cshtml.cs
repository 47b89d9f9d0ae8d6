using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;
using Sourcing.Web.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Forecast;

/// <summary>Tornado: each assumption at its source's low and high value, what freed FTE and the like-for-like difference become, and the combined P10–P90 range.</summary>
[Authorize(Policy = Policies.Ledning)]
public sealed class SensitivityModel(PlanningService planning, IStringLocalizer<SharedResource> text, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    public IReadOnlyList<ScenarioSummary> Scenarios { get; private set; } = [];

    public ScenarioSummary? Current { get; private set; }

    public SensitivityResult? Result { get; private set; }

    /// <summary>The scenario's forecast, with the combined range from the seeded simulation.</summary>
    public Sourcing.Analyzer.Planning.Forecast? Forecast { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Scenarios = await planning.Store.ListAsync(cancellationToken);
        var stored = await planning.FindAsync(Name, cancellationToken);
        if (stored is null)
        {
            return string.IsNullOrWhiteSpace(Name) ? Page() : NotFound();
        }

        Current = stored.Summary;
        try
        {
            var run = await planning.RunAsync(stored.Scenario, cancellationToken);
            Result = SensitivityAnalyzer.Run(run.Plan, run.Assumptions);
            Forecast = run.Forecast;
        }
        catch (ArgumentException e)
        {
            Error = e.Message;
        }

        return Page();
    }

    /// <summary>The table under the tornado charts: each assumption at low and high, and the outcomes.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var stored = await planning.FindAsync(Name, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var run = await planning.RunAsync(stored.Scenario, cancellationToken);
        var result = SensitivityAnalyzer.Run(run.Plan, run.Assumptions);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("kanslighet-" + Sourcing.Web.Pages.Scenarios.IndexModel.FileName(stored.Summary.Name), time),
            [
                "key", "label", "variation", "low_value", "base_value", "high_value", "freed_fte_low", "freed_fte_high", "net_cost_mkr_low",
                "net_cost_mkr_high", "surplus_fte_years_low", "surplus_fte_years_high",
            ],
            result.Entries.Select(e => new object?[]
            {
                e.Key, e.Label, result.Variation, e.LowValue, e.BaseValue, e.HighValue, e.FreedFteLow, e.FreedFteHigh, e.NetCostMkrLow,
                e.NetCostMkrHigh, e.SurplusFteYearsLow, e.SurplusFteYearsHigh,
            }), cancellationToken);
    }

    public string CostChart() => TornadoChart.Cost(Result!, text);

    public string FreedChart() => TornadoChart.Freed(Result!, text);
}
