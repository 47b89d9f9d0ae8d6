using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Planning;
using Sourcing.Web.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Forecast;

/// <summary>The forecast of one scenario (default: the one chosen for leadership), with charts and an Excel download.</summary>
[Authorize(Policy = Policies.Ledning)]
public sealed class IndexModel(PlanningService planning, IStringLocalizer<SharedResource> text) : PageModel
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
            "prognos-" + Sourcing.Web.Pages.Scenarios.IndexModel.FileName(stored.Summary.Name) + ".xlsx");
    }

    /// <summary>Drift, development and retained FTE per year as stacked areas.</summary>
    public string FteChart()
    {
        var years = Result!.Forecast.Years;
        return new ChartSpec("line", [.. years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture))],
        [
            new(text["Forecast.DriftFte"], [.. years.Select(y => (object)Math.Round(y.DriftFte, 2))], Fill: true),
            new(text["Forecast.UtvecklingFte"], [.. years.Select(y => (object)Math.Round(y.UtvecklingFte, 2))], Fill: true),
            new(text["Forecast.BestallarFte"], [.. years.Select(y => (object)Math.Round(y.BestallarFte, 2))], Fill: true),
        ], Stacked: true, Unit: "FTE").ToJson();
    }

    public string CostChart()
    {
        var years = Result!.Forecast.Years;
        return new ChartSpec("line", [.. years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture))],
        [
            new(text["Forecast.Cumulative"], [.. years.Select(y => (object)Math.Round(y.CumulativeDifferenceMkr, 2))]),
            new(text["Forecast.Difference"], [.. years.Select(y => (object)Math.Round(y.DifferenceMkr, 2))]),
        ], Unit: "mkr").ToJson();
    }
}
