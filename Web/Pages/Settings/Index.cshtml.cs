using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Auth;
using Sourcing.Web.Security;
using Sourcing.Web.Settings;

namespace Sourcing.Web.Pages.Settings;

/// <summary>
/// The assessment settings in force (gate rule table, scoring weights, effort parameters) and the
/// planning defaults, each with its source. Drift and Sourcing read them; Sourcing edits the rules
/// one by one (<c>/Settings/Rule</c>) and the weights and parameters as forms
/// (<c>/Settings/Parameters/…</c>), each with a preview; every save is a new version.
/// </summary>
[Authorize(Policy = Policies.Inventory)]
public sealed class IndexModel(AssessmentStore assessments) : PageModel
{
    public AssessmentSettings Settings { get; private set; } = null!;

    public Dictionary<string, double?> Weights { get; private set; } = [];

    public Dictionary<string, double?> Effort { get; private set; } = [];

    public bool CanEdit => User.IsInRole(Roles.Sourcing);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Settings = await assessments.GetSettingsAsync(cancellationToken);
        Weights = ParameterCatalog.Values(Settings.Weights, ParameterCatalog.Weights);
        Effort = ParameterCatalog.Values(Settings.Effort, ParameterCatalog.Effort);
    }

    /// <summary>Where a rule comes from, as the page shows it: its paragraph (law) or who decided it and when (policy).</summary>
    public static string Reference(GateRule rule) => HostingGate.Reference(rule);
}
