using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;
using Sourcing.Web.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Forecast;

/// <summary>The forecast of one scenario (default: the board's first), with charts and an Excel download.</summary>
[Authorize(Policy = Policies.Ledning)]
public sealed class IndexModel(PlanningService planning, IStringLocalizer<SharedResource> text, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    public IReadOnlyList<ScenarioSummary> Scenarios { get; private set; } = [];

    public ScenarioSummary? Current { get; private set; }

    public ScenarioResult? Result { get; private set; }

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
            Result = await planning.RunAsync(stored.Scenario, cancellationToken);
        }
        catch (ArgumentException e)
        {
            Error = e.Message;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var stored = await planning.FindAsync(Name, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var result = await planning.RunAsync(stored.Scenario, cancellationToken);
        var stream = new MemoryStream();
        ForecastWorkbook.Write(stream, result.Plan, result.Forecast, result.Assumptions);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Path.ChangeExtension(CsvExport.FileName("prognos-" + Sourcing.Web.Pages.Scenarios.IndexModel.FileName(stored.Summary.Name), time), ".xlsx"));
    }

    /// <summary>The year-by-year table (and the charts' tables, which are parts of it), one row per year; costs in SEK.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var stored = await planning.FindAsync(Name, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var result = await planning.RunAsync(stored.Scenario, cancellationToken);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("prognos-" + Sourcing.Web.Pages.Scenarios.IndexModel.FileName(stored.Summary.Name), time),
            [
                "scenario", "year", "systems_moving", "moved_drift_hours", "moved_drift_fte", "drift_fte", "utveckling_fte", "in_retraining_fte",
                "bestallar_fte", "freed_fte", "left_by_attrition_fte", "left_by_retirement_fte", "retrained_fte", "transferred_fte", "surplus_fte",
                "internal_staff_cost_sek", "supplier_cost_sek", "cloud_cost_sek", "saas_cost_sek", "transition_cost_sek", "governance_cost_sek",
                "total_cost_sek", "baseline_cost_sek", "difference_sek", "cumulative_difference_sek",
            ],
            result.Forecast.Years.Select(y => new object?[]
            {
                stored.Summary.Name, y.Year, y.SystemsMoving, y.MovedDriftHours, y.MovedDriftFte, y.DriftFte, y.UtvecklingFte, y.InRetrainingFte,
                y.BestallarFte, y.FreedFte, y.LeftByAttritionFte, y.LeftByRetirementFte, y.RetrainedFte, y.TransferredFte, y.SurplusFte,
                Math.Round(y.InternalStaffCost), Math.Round(y.SupplierCost), Math.Round(y.CloudCost), Math.Round(y.SaasCost), Math.Round(y.TransitionCost),
                Math.Round(y.GovernanceCost), Math.Round(y.ScenarioCost), Math.Round(y.BaselineCost), Math.Round(y.LikeForLikeDifference), Math.Round(y.CumulativeDifference),
            }), cancellationToken);
    }

    /// <summary>The systems per wave table.</summary>
    public async Task<IActionResult> OnGetCsvWavesAsync(CancellationToken cancellationToken)
    {
        var stored = await planning.FindAsync(Name, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var result = await planning.RunAsync(stored.Scenario, cancellationToken);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("vagor-" + Sourcing.Web.Pages.Scenarios.IndexModel.FileName(stored.Summary.Name), time),
            ["scenario", "wave_year", "wave_quarter", "destination", "system_count", "system_ids", "systems"],
            result.Forecast.Waves.Select(w => new object?[]
            {
                stored.Summary.Name, w.Wave.Year, w.Wave.Quarter, w.Destination, w.SystemIds.Count, string.Join(';', w.SystemIds), string.Join(';', w.SystemNames),
            }), cancellationToken);
    }

    public string FteChart() => ForecastCharts.Fte(Result!.Forecast, text);

    public string CostChart() => ForecastCharts.Cost(Result!.Forecast, text);
}
