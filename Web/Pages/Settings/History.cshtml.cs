using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Collector.Assessment;
using Sourcing.Web.Security;
using Sourcing.Web.Settings;

namespace Sourcing.Web.Pages.Settings;

/// <summary>Every saved version of the rule table, the weights and the effort parameters: who saved it, when, why and what changed.</summary>
[Authorize(Policy = Policies.Inventory)]
public sealed class HistoryModel(AssessmentStore assessments) : PageModel
{
    public IReadOnlyList<(SettingsKind Kind, IReadOnlyList<(SettingsVersion Version, IReadOnlyList<string> Changes)> Versions)> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var kinds = new List<(SettingsKind, IReadOnlyList<(SettingsVersion, IReadOnlyList<string>)>)>();
        foreach (var kind in Enum.GetValues<SettingsKind>())
        {
            var versions = await assessments.GetVersionsAsync(kind, cancellationToken);
            // Newest first; each is compared with the next older one (the oldest with the defaults).
            var described = versions.Select((v, i) => (v, VersionDiff.Describe(v, i + 1 < versions.Count ? versions[i + 1] : null))).ToList();
            kinds.Add((kind, described));
        }

        Kinds = kinds;
    }
}
