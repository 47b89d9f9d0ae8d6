using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;
using Sourcing.Collector.Workloads;
using Sourcing.Web.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Forecast;

/// <summary>
/// The decision page: one scenario on one page, for leadership to read in a minute — what moves
/// when, what it costs in words, people per year, the development capacity and its price, the
/// risks, and how sure the figures are. Every figure comes from the forecast; nothing is
/// recomputed here.
/// </summary>
[Authorize(Policy = Policies.Ledning)]
public sealed class DecisionModel(PlanningService planning, WorkloadStore workloads) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    public IReadOnlyList<ScenarioSummary> Scenarios { get; private set; } = [];

    public ScenarioResult? Result { get; private set; }

    public DecisionView? View { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Scenarios = await planning.Store.ListAsync(cancellationToken);
        var stored = await planning.FindAsync(Name, cancellationToken);
        if (stored is null)
        {
            return string.IsNullOrWhiteSpace(Name) ? Page() : NotFound();
        }

        Name = stored.Summary.Name;
        try
        {
            Result = await planning.RunAsync(stored.Scenario, cancellationToken);
            View = DecisionView.For(Result, await workloads.CoverageAsync(cancellationToken));
        }
        catch (ArgumentException e)
        {
            Error = e.Message;
        }

        return Page();
    }
}
