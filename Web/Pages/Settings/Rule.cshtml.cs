using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Assessment;
using Sourcing.Web.Security;
using Sourcing.Web.Settings;

namespace Sourcing.Web.Pages.Settings;

/// <summary>
/// One gate rule as a form (Sourcing edits; the region's lawyers and security officer read the
/// result). "Förhandsgranska" assesses every system with the table in force and with the edited
/// one and lists what changes; only then can the edit be saved, as a new version of the whole
/// table. A save on a table someone else changed meanwhile is refused (the preview would be stale).
/// </summary>
[Authorize(Policy = Policies.Sourcing)]
public sealed class RuleModel(
    AssessmentStore assessments, SettingsPreviewService previews, CurrentAssessment stored,
    IStringLocalizer<SharedResource> text, ILogger<RuleModel> logger) : PageModel
{
    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public AssessmentPreview? Preview { get; private set; }

    /// <summary>True when the preview is of removing the rule.</summary>
    public bool Removing { get; private set; }

    public bool IsNew => string.IsNullOrEmpty(Input.OriginalId);

    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        var rules = (await assessments.GetSettingsAsync(cancellationToken)).Rules;
        if (string.IsNullOrEmpty(id))
        {
            Input = new RuleInput { BaseVersion = rules.Version };
            return Page();
        }

        var rule = rules.Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
        if (rule is null)
        {
            return NotFound();
        }

        Input = RuleInput.From(rule, rules.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var (proposed, _) = await ProposedAsync(remove: false, cancellationToken);
        if (proposed is null)
        {
            return Page();
        }

        Preview = await previews.PreviewAsync(s => s with { Rules = proposed }, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewRemoveAsync(CancellationToken cancellationToken)
    {
        var (proposed, _) = await ProposedAsync(remove: true, cancellationToken);
        if (proposed is null)
        {
            return Page();
        }

        Removing = true;
        Preview = await previews.PreviewAsync(s => s with { Rules = proposed }, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => SaveAsync(remove: false, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) => SaveAsync(remove: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(bool remove, CancellationToken cancellationToken)
    {
        var (proposed, current) = await ProposedAsync(remove, cancellationToken);
        if (proposed is null)
        {
            return Page();
        }

        if (current.Version != Input.BaseVersion)
        {
            Errors[""] = text["Rule.Stale", Input.BaseVersion, current.Version].Value;
            Input.BaseVersion = current.Version;
            Removing = remove;
            Preview = await previews.PreviewAsync(s => s with { Rules = proposed }, cancellationToken);
            return Page();
        }

        var user = User.Identity?.Name ?? "?";
        var id = remove ? Input.OriginalId : Input.Id?.Trim();
        var note = string.IsNullOrWhiteSpace(Input.Note)
            ? text[remove ? "Rule.NoteRemoved" : IsNew ? "Rule.NoteAdded" : "Rule.NoteChanged", id ?? ""].Value
            : Input.Note;
        var version = await assessments.SaveRuleSetAsync(proposed, user, cancellationToken, note);
        // The stored assessment follows at once, so every page shows the new verdicts.
        await stored.RefreshAsync(cancellationToken);
        logger.LogInformation("User {User} saved gate rule {Rule} ({Action}) as rule table version {Version}", user, id, remove ? "removed" : "saved", version);
        TempData["Message"] = text["Settings.Saved", version].Value;
        return RedirectToPage("/Settings/Index", null, "rules");
    }

    /// <summary>The table with the form's rule in place (or removed), or null with <see cref="Errors"/> set.</summary>
    private async Task<(GateRuleSet? Proposed, GateRuleSet Current)> ProposedAsync(bool remove, CancellationToken cancellationToken)
    {
        var current = (await assessments.GetSettingsAsync(cancellationToken)).Rules;
        if (remove)
        {
            if (IsNew || !current.Rules.Any(r => r.Id == Input.OriginalId))
            {
                Errors[""] = text["Rule.NotFound", Input.OriginalId ?? ""].Value;
                return (null, current);
            }

            return (current with { Rules = [.. current.Rules.Where(r => r.Id != Input.OriginalId)] }, current);
        }

        var (rule, errors) = Input.ToRule();
        Errors = errors;
        if (rule is null)
        {
            return (null, current);
        }

        if (current.Rules.Any(r => string.Equals(r.Id, rule.Id, StringComparison.OrdinalIgnoreCase) && r.Id != Input.OriginalId))
        {
            Errors[nameof(RuleInput.Id)] = text["Rule.DuplicateId", rule.Id].Value;
            return (null, current);
        }

        var list = current.Rules.ToList();
        var index = IsNew ? -1 : list.FindIndex(r => r.Id == Input.OriginalId);
        if (index >= 0)
        {
            list[index] = rule;
        }
        else
        {
            list.Add(rule);
        }

        var proposed = current with { Rules = list };
        foreach (var problem in proposed.Problems())
        {
            Errors[""] = problem;
            return (null, current);
        }

        return (proposed, current);
    }
}
