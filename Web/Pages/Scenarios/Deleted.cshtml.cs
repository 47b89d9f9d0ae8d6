using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Scenarios;

/// <summary>"Borttagna scenarier": deleted scenarios still restorable, with who deleted them and until when.</summary>
[Authorize(Policy = Policies.Sourcing)]
public sealed class DeletedModel(PlanningService planning, IStringLocalizer<SharedResource> text, ILogger<DeletedModel> logger) : PageModel
{
    public IReadOnlyList<DeletedScenario> Rows { get; private set; } = [];

    public int RestoreDays => ScenarioStore.RestoreDays;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await planning.Store.ListDeletedAsync(cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(string name, CancellationToken cancellationToken)
    {
        if (await planning.Store.RestoreAsync(name, cancellationToken))
        {
            logger.LogInformation("User {User} restored scenario {Scenario}", User.Identity?.Name, name);
            TempData["Message"] = text["ScenarioDeleted.Restored", name].Value;
            return RedirectToPage("Edit", new { name });
        }

        TempData["Message"] = text["ScenarioDeleted.Gone", name].Value;
        return RedirectToPage();
    }
}
