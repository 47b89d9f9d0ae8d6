using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;
using Sourcing.Collector.Workloads;
using Sourcing.Web.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Reports;

/// <summary>
/// The board attachment, printed on A4: per scenario chosen for the board (in the board's order)
/// its decision page and a page with the per-year table and charts, then the comparison over the
/// common years, then every assumption with its source. Print CSS (planning.css) hides the
/// navigation and starts each section on a new page; BrowserTests prints it and counts the pages.
/// </summary>
[Authorize(Policy = Policies.Ledning)]
public sealed class BoardModel(PlanningService planning, WorkloadStore workloads, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public List<string> Names { get; set; } = [];

    public IReadOnlyList<ScenarioSummary> Scenarios { get; private set; } = [];

    public IReadOnlyList<ScenarioResult> Results { get; private set; } = [];

    /// <summary>Each scenario's decision page, the report's first page for it.</summary>
    public IReadOnlyList<DecisionView> Decisions { get; private set; } = [];

    public ScenarioComparison? Comparison { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public DateTime GeneratedAt { get; private set; }

    /// <summary>The picked scenarios as query values, so that the workbook holds the same ones as the page.</summary>
    public Dictionary<string, string> NamesRoute() =>
        Names.Select((n, i) => (Key: $"names[{i}]", Value: n)).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>How many A4 pages the printed report may take: two per scenario, one for the comparison, three for the appendix.</summary>
    public static int PageBudget(int scenarios) => (2 * scenarios) + (scenarios >= 2 ? 1 : 0) + 3;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        GeneratedAt = time.GetUtcNow().UtcDateTime;
        Scenarios = await planning.Store.ListAsync(cancellationToken);
        // Default: the scenarios chosen for the board, in the board's order; others (trials) only when picked.
        var names = Names.Count > 0
            ? [.. Names.Distinct(StringComparer.Ordinal).Take(ScenarioStore.MaxOnBoard)]
            : Scenarios.Where(s => s.BoardPosition is not null).Select(s => s.Name).ToList();
        Names = names;
        var estate = await planning.EstateAsync(cancellationToken);
        var results = new List<ScenarioResult>();
        var errors = new List<string>();
        foreach (var name in names)
        {
            var stored = await planning.Store.GetAsync(name, cancellationToken);
            if (stored is null)
            {
                return NotFound();
            }

            try
            {
                results.Add(PlanningService.Run(stored.Scenario, estate, await planning.PricesAsync(stored.Scenario, cancellationToken)));
            }
            catch (ArgumentException e)
            {
                errors.Add(name + ": " + e.Message);
            }
        }

        Results = results;
        Errors = errors;
        var coverage = await workloads.CoverageAsync(cancellationToken);
        Decisions = [.. results.Select((r, i) => DecisionView.For(r, coverage, i + 1))];
        if (results.Count >= 2)
        {
            Comparison = ScenarioComparer.Compare([.. results.Select(r => (r.Scenario, r.Forecast))]);
        }

        return Page();
    }

    /// <summary>The report as a workbook: the summary (one column per scenario, in the report's order), then each scenario's sheets.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(cancellationToken);
        if (page is not PageResult || Results.Count == 0)
        {
            return page is PageResult ? NotFound() : page;
        }

        var stream = new MemoryStream();
        ForecastWorkbook.Write(stream, [.. Results.Select(r => (r.Plan, r.Forecast, r.Assumptions))]);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Path.ChangeExtension(CsvExport.FileName("styrelserapport", time), ".xlsx"));
    }

    /// <summary>The assumptions table: every parameter's default with its source (the comparison and forecast tables have their exports on their own pages).</summary>
    public Task<IActionResult> OnGetCsvAssumptionsAsync(CancellationToken cancellationToken) =>
        CsvExport.WriteAsync(Response, CsvExport.FileName("antaganden", time),
            ["key", "label", "default_value", "unit", "source", "source_urls", "confidence"],
            PlanningDefaults.All.Select(p => new object?[] { p.Key, p.Label, p.Value, p.Unit, p.Source, p.SourceUrl, p.Confidence }),
            cancellationToken);
}
