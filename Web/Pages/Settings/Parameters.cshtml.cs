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
/// The scoring weights (<c>kind=weights</c>) or the drift effort parameters (<c>kind=effort</c>) as
/// a form: Swedish label, unit, allowed range and source per value. Values are checked against
/// their range with a Swedish message naming the field; "Förhandsgranska" lists the systems whose
/// recommendation or destination order changes, and only then can the values be saved (a new version).
/// </summary>
[Authorize(Policy = Policies.Sourcing)]
public sealed class ParametersModel(
    AssessmentStore assessments, SettingsPreviewService previews, CurrentAssessment stored,
    IStringLocalizer<SharedResource> text, ILogger<ParametersModel> logger) : PageModel
{
    [FromRoute]
    public string Kind { get; set; } = "weights";

    public bool IsWeights => Kind == "weights";

    public IReadOnlyList<ParameterField> Fields => IsWeights ? ParameterCatalog.Weights : ParameterCatalog.Effort;

    /// <summary>The texts in the form (as typed, so a refused value is shown again).</summary>
    public Dictionary<string, string?> Values { get; private set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    public int Version { get; private set; }

    [BindProperty]
    public int BaseVersion { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public AssessmentPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!KnownKind())
        {
            return NotFound();
        }

        var settings = await assessments.GetSettingsAsync(cancellationToken);
        Version = BaseVersion = IsWeights ? settings.Weights.Version : settings.Effort.Version;
        var values = IsWeights ? ParameterCatalog.Values(settings.Weights, Fields) : ParameterCatalog.Values(settings.Effort, Fields);
        Values = values.ToDictionary(v => v.Key, v => v.Value is { } d ? ParameterCatalog.Format(d).Replace("\u00a0", " ", StringComparison.Ordinal) : null, StringComparer.Ordinal);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!KnownKind())
        {
            return NotFound();
        }

        var change = await ParseAsync(cancellationToken);
        if (change is not null)
        {
            Preview = await previews.PreviewAsync(change, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!KnownKind())
        {
            return NotFound();
        }

        var change = await ParseAsync(cancellationToken);
        if (change is null)
        {
            return Page();
        }

        if (Version != BaseVersion)
        {
            Errors[""] = text["Parameters.Stale", BaseVersion, Version].Value;
            BaseVersion = Version;
            Preview = await previews.PreviewAsync(change, cancellationToken);
            return Page();
        }

        var current = await assessments.GetSettingsAsync(cancellationToken);
        var proposed = change(current);
        var user = User.Identity?.Name ?? "?";
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note;
        var version = IsWeights
            ? await assessments.SaveWeightsAsync(proposed.Weights, user, cancellationToken, note)
            : await assessments.SaveEffortParametersAsync(proposed.Effort, user, cancellationToken, note);
        // The stored assessment follows at once, so every page shows the new verdicts.
        await stored.RefreshAsync(cancellationToken);
        logger.LogInformation("User {User} saved {Kind} version {Version}", user, Kind, version);
        TempData["Message"] = text["Settings.Saved", version].Value;
        return RedirectToPage("/Settings/Index", null, IsWeights ? "weights" : "effort");
    }

    private bool KnownKind() => Kind is "weights" or "effort";

    /// <summary>Reads the form; returns the change to apply to the settings, or null with <see cref="Errors"/> set.</summary>
    private async Task<Func<AssessmentSettings, AssessmentSettings>?> ParseAsync(CancellationToken cancellationToken)
    {
        var settings = await assessments.GetSettingsAsync(cancellationToken);
        Version = IsWeights ? settings.Weights.Version : settings.Effort.Version;
        Values = Fields.ToDictionary(f => f.Name, f => (string?)Request.Form[f.InputId].ToString(), StringComparer.Ordinal);
        if (IsWeights)
        {
            var (weights, errors) = ParameterCatalog.Parse(settings.Weights, Fields, Values);
            Errors = errors;
            return weights is null ? null : s => s with { Weights = weights };
        }

        var (effort, effortErrors) = ParameterCatalog.Parse(settings.Effort, Fields, Values);
        Errors = effortErrors;
        return effort is null ? null : s => s with { Effort = effort };
    }
}
