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
public sealed class CompareModel(PlanningService planning, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int MaxScenarios = 4;

    [BindProperty(SupportsGet = true)]
    public List<string> Names { get; set; } = [];

    public IReadOnlyList<ScenarioSummary> Scenarios { get; private set; } = [];

    public IReadOnlyList<ScenarioResult> Results { get; private set; } = [];

    public ScenarioComparison? Comparison { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Scenarios = await planning.Store.ListAsync(cancellationToken);
        var names = Names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            // Default: the chosen scenario and the next ones by name, so the page shows something useful.
            names = [.. Scenarios.OrderByDescending(s => s.ChosenForLeadership).Take(Math.Min(MaxScenarios, 3)).Select(s => s.Name)];
        }

        if (names.Count is < 2 or > MaxScenarios)
        {
            Message = text["Compare.PickRange", MaxScenarios];
            Names = names;
            return Page();
        }

        Names = names;
        var systems = await planning.SystemsAsync(cancellationToken);
        var results = new List<ScenarioResult>();
        foreach (var name in names)
        {
            var stored = await planning.Store.GetAsync(name, cancellationToken);
            if (stored is null)
            {
                return NotFound();
            }

            try
            {
                results.Add(PlanningService.Run(stored.Scenario, systems, await planning.PricesAsync(stored.Scenario, cancellationToken)));
            }
            catch (ArgumentException e)
            {
                Message = name + ": " + e.Message;
                return Page();
            }
        }

        Results = results;
        Comparison = ScenarioComparer.Compare([.. results.Select(r => (r.Scenario, r.Forecast))]);
        return Page();
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
