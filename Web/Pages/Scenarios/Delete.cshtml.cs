using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Scenarios;

/// <summary>
/// Asks before a scenario is deleted (a page of its own, so it works without script). Deleting
/// only marks the scenario; it can be restored from "Borttagna scenarier" for 30 days.
/// </summary>
[Authorize(Policy = Policies.Sourcing)]
public sealed class DeleteModel(PlanningService planning, IStringLocalizer<SharedResource> text, ILogger<DeleteModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    public ScenarioSummary Summary { get; private set; } = null!;

    public int RestoreDays => ScenarioStore.RestoreDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var stored = await planning.Store.GetAsync(Name, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        Summary = stored.Summary;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var by = User.Identity?.Name ?? "";
        if (!await planning.Store.DeleteAsync(Name, by, cancellationToken))
        {
            return NotFound();
        }

        logger.LogInformation("User {User} deleted scenario {Scenario}", by, Name);
        TempData["Message"] = text["Scenarios.Deleted", Name, ScenarioStore.RestoreDays].Value;
        return RedirectToPage("Index");
    }
}
