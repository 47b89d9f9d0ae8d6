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

/// <summary>Two to four scenarios side by side against the baseline, with the assumptions that differ.</summary>
[Authorize(Policy = Policies.Ledning)]
public sealed class CompareModel(PlanningService planning, IStringLocalizer<SharedResource> text, TimeProvider time) : PageModel
{
    public const int MaxScenarios = 4;

    [BindProperty(SupportsGet = true)]
    public List<string> Names { get; set; } = [];

    public IReadOnlyList<ScenarioSummary> Scenarios { get; private set; } = [];

    public IReadOnlyList<ScenarioResult> Results { get; private set; } = [];

    public ScenarioComparison? Comparison { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The summary table.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await LoadForCsvAsync(cancellationToken) is { } failed)
        {
            return failed;
        }

        return await CsvExport.WriteAsync(Response, CsvExport.FileName("jamforelse", time),
            ["scenario", "moves", "freed_fte", "net_cost_mkr", "surplus_fte_years"],
            // The page's summary row for row: each figure over the common years only (a six-year scenario's 2031 is left out).
            Results.Select((r, i) => Comparison!.Last(i) is { } last
                ? new object?[] { r.Scenario.Name, r.Plan.Moves.Count, last.FreedFte, last.CumulativeNetCostMkr, last.CumulativeSurplusFteYears }
                : new object?[] { r.Scenario.Name, r.Plan.Moves.Count, null, null, null }),
            cancellationToken);
    }

    /// <summary>The three year-by-year tables (FTE, cumulative net cost, freed FTE) in one long table, the baseline included.</summary>
    public async Task<IActionResult> OnGetCsvYearsAsync(CancellationToken cancellationToken)
    {
        if (await LoadForCsvAsync(cancellationToken) is { } failed)
        {
            return failed;
        }

        var c = Comparison!;
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("jamforelse-per-ar", time),
            ["series", "is_baseline", "year", "drift_fte", "utveckling_fte", "freed_fte", "cumulative_net_cost_mkr"],
            WithBaseline.SelectMany(series => series.Points.Select(p => new object?[]
            {
                series.Name, ReferenceEquals(series, c.Baseline), p.Year, p.DriftFte, p.UtvecklingFte, p.FreedFte, p.CumulativeNetCostMkr,
            })), cancellationToken);
    }

    /// <summary>The assumptions that differ, one row per assumption and scenario.</summary>
    public async Task<IActionResult> OnGetCsvAssumptionsAsync(CancellationToken cancellationToken)
    {
        if (await LoadForCsvAsync(cancellationToken) is { } failed)
        {
            return failed;
        }

        return await CsvExport.WriteAsync(Response, CsvExport.FileName("jamforelse-antaganden", time),
            ["key", "label", "scenario", "value"],
            Comparison!.DifferingAssumptions.SelectMany(d => d.Values.Select((v, i) => new object?[] { d.Key, d.Label, i < Results.Count ? Results[i].Scenario.Name : null, v })),
            cancellationToken);
    }

    public string CsvUrl(string handler) =>
        Url.Page("/Forecast/Compare", handler)! + string.Concat(Names.Select(n => "&names=" + Uri.EscapeDataString(n)));

    private async Task<IActionResult?> LoadForCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return Comparison is null ? BadRequest(Message ?? "") : null;
    }

    /// <summary>Runs the picked scenarios; false when one of them does not exist.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Scenarios = await planning.Store.ListAsync(cancellationToken);
        var names = Names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            // Default: the board's scenarios in their order; with fewer than two on the board, the list's first ones.
            var board = Scenarios.Where(s => s.BoardPosition is not null).ToList();
            names = [.. (board.Count >= 2 ? board : Scenarios).Take(Math.Min(MaxScenarios, 3)).Select(s => s.Name)];
        }

        if (names.Count is < 2 or > MaxScenarios)
        {
            Message = text["Compare.PickRange", MaxScenarios];
            Names = names;
            return true;
        }

        Names = names;
        var estate = await planning.EstateAsync(cancellationToken);
        var results = new List<ScenarioResult>();
        foreach (var name in names)
        {
            var stored = await planning.Store.GetAsync(name, cancellationToken);
            if (stored is null)
            {
                return false;
            }

            try
            {
                results.Add(PlanningService.Run(stored.Scenario, estate, await planning.PricesAsync(stored.Scenario, cancellationToken), complete: false));
            }
            catch (ArgumentException e)
            {
                Message = name + ": " + e.Message;
                return true;
            }
        }

        Results = results;
        Comparison = ScenarioComparer.Compare([.. results.Select(r => (r.Scenario, r.Forecast))]);
        return true;
    }

    private IReadOnlyList<string> Labels => [.. Comparison!.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))];

    private IEnumerable<ComparisonSeries> WithBaseline => [Comparison!.Baseline, .. Comparison.Scenarios];

    private static object[] Values(ComparisonSeries series, IReadOnlyList<int> years, Func<ComparisonPoint, double> pick) =>
        [.. years.Select(y => series.Points.FirstOrDefault(p => p.Year == y) is { } p ? (object)Math.Round(pick(p), 2) : null!)];

    public string DriftChart() => new ChartSpec("line", Labels,
        [.. WithBaseline.SelectMany((s, i) => new ChartSeries[]
        {
            new(s.Name + " – " + text["Forecast.DriftFte"], Values(s, Comparison!.Years, p => p.DriftFte), Colour: i),
            new(s.Name + " – " + text["Forecast.UtvecklingFte"], Values(s, Comparison!.Years, p => p.UtvecklingFte), Colour: i, Dashed: true),
        })], Unit: "FTE").ToJson();

    public string CostChart() => new ChartSpec("line", Labels,
        [.. Comparison!.Scenarios.Select((s, i) => new ChartSeries(s.Name, Values(s, Comparison.Years, p => p.CumulativeNetCostMkr), Colour: i + 1))], Unit: "mkr").ToJson();

    public string FreedChart() => new ChartSpec("bar", Labels,
        [.. Comparison!.Scenarios.Select((s, i) => new ChartSeries(s.Name, Values(s, Comparison.Years, p => p.FreedFte), Colour: i + 1))], Unit: "FTE").ToJson();

    public static ComparisonPoint? Point(ComparisonSeries series, int year) => series.Points.FirstOrDefault(p => p.Year == year);
}
