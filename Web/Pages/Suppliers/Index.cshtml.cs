using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Auth;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Suppliers;

/// <summary>
/// The supplier register: owner, ultimate parent, data location, SEAL level and agreements, and
/// which supplier the region uses for each hosting option. The gate reads jurisdiction from here
/// (a SaaS system's supplier by its vendor name). Drift and Sourcing read it; Sourcing edits, and
/// every change queues a re-assessment.
/// </summary>
[Authorize(Policy = Policies.Inventory)]
public sealed class IndexModel(
    SupplierStore suppliers, CurrentAssessment stored, IStringLocalizer<SharedResource> text, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<Supplier> Suppliers { get; private set; } = [];

    [BindProperty]
    public SupplierInput Input { get; set; } = new();

    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>True when the form is open (a new supplier, an edit or a refused save).</summary>
    public bool Editing { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.Sourcing);

    public async Task<IActionResult> OnGetAsync(long? edit, bool add, CancellationToken cancellationToken)
    {
        Suppliers = await suppliers.ListAsync(cancellationToken);
        if (CanEdit && edit is { } id)
        {
            var supplier = Suppliers.FirstOrDefault(s => s.Id == id);
            if (supplier is null)
            {
                return NotFound();
            }

            Input = SupplierInput.From(supplier);
            Editing = true;
        }

        Editing |= CanEdit && add;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var (supplier, errors) = Input.ToSupplier();
        Errors = errors;
        if (supplier is not null)
        {
            var id = await suppliers.SaveAsync(supplier, User.Identity?.Name ?? "?", cancellationToken);
            if (id is not null)
            {
                // The stored assessment follows at once, so every page shows the new verdicts.
        await stored.RefreshAsync(cancellationToken);
                logger.LogInformation("User {User} saved supplier {Id}", User.Identity?.Name, id);
                TempData["Message"] = text["Suppliers.Saved", supplier.Name].Value;
                return RedirectToPage("/Suppliers/Index");
            }

            Errors[nameof(SupplierInput.Name)] = text["Suppliers.Duplicate"].Value;
        }

        Suppliers = await suppliers.ListAsync(cancellationToken);
        Editing = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await suppliers.DeleteAsync(id, cancellationToken))
        {
            // The stored assessment follows at once, so every page shows the new verdicts.
        await stored.RefreshAsync(cancellationToken);
            logger.LogInformation("User {User} removed supplier {Id}", User.Identity?.Name, id);
            TempData["Message"] = text["Suppliers.Removed"].Value;
        }

        return RedirectToPage("/Suppliers/Index");
    }
}
