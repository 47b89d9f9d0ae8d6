using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;
using Sourcing.Web.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Forecast;

/// <summary>Tornado: each key assumption at ±20 %, and what freed FTE and net cost become.</summary>
[Authorize(Policy = Policies.Ledning)]
public sealed class SensitivityModel(PlanningService planning, IStringLocalizer<SharedResource> text, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    public IReadOnlyList<ScenarioSummary> Scenarios { get; private set; } = [];

    public ScenarioSummary? Current { get; private set; }

    public SensitivityResult? Result { get; private set; }

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

    /// <summary>Floating bars from the low to the high outcome, one per assumption, largest swing on top.</summary>
    public string CostChart() => Tornado(e => e.NetCostMkrLow, e => e.NetCostMkrHigh, e => e.NetCostSwingMkr, "mkr");

    public string FreedChart() => Tornado(e => e.FreedFteLow, e => e.FreedFteHigh, e => e.FreedFteSwing, "FTE");

    private string Tornado(Func<SensitivityEntry, double> low, Func<SensitivityEntry, double> high, Func<SensitivityEntry, double> swing, string unit)
    {
        var entries = Result!.Entries.OrderByDescending(swing).ToList();
        var variation = (Result.Variation * 100).ToString("0", CultureInfo.CurrentCulture);
        return new ChartSpec("bar", [.. entries.Select(e => e.Label)],
        [
            new(text["Sensitivity.Range", variation], [.. entries.Select(e => (object)new[] { Math.Round(Math.Min(low(e), high(e)), 2), Math.Round(Math.Max(low(e), high(e)), 2) })]),
        ], Horizontal: true, Unit: unit).ToJson();
    }
}
