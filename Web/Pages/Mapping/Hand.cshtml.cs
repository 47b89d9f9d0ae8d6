using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Workloads;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Mapping;

/// <summary>
/// The resources someone put in a system by hand, newest first, each with "Ta bort handkoppling": rules never
/// overwrite a hand assignment, so removing it is how the rules get to decide again. A page of its own because
/// there can be thousands, and the mapping page's list is the unmapped ones.
/// </summary>
[Authorize(Policy = Policies.Inventory)]
public sealed class HandModel(WorkloadStore store, IBackgroundJobClient jobs, IStringLocalizer<SharedResource> text, ILogger<HandModel> logger) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<HandAssignmentRow> Assignments { get; private set; } = [];

    public int Total { get; private set; }

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Removes one resource's hand assignment and maps again; 404 with a message when it has none.</summary>
    public async Task<IActionResult> OnPostClearAsync(long resourceId, CancellationToken cancellationToken)
    {
        var removed = await store.ClearHandAssignmentsAsync([resourceId], cancellationToken);
        if (removed == 0)
        {
            Error = text["MappingEdit.NoHandAssignment"].Value;
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        logger.LogInformation("User {User} removed the hand assignment of resource {Resource}", User.Identity?.Name, resourceId);
        IndexModel.QueueMapping(jobs);
        TempData["Message"] = text["MappingEdit.HandRemoved"].Value;
        return RedirectToPage("/Mapping/Hand", new { p = PageNumber > 1 ? PageNumber : (int?)null });
    }

    public string PageUrl(int page) => Url.Page("/Mapping/Hand", new { p = page })!;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Assignments, Total) = await store.ListHandAssignmentsAsync(PageSize, (PageNumber - 1) * PageSize, cancellationToken);
    }
}
