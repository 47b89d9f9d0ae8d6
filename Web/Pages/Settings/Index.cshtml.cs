using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Auth;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Settings;

/// <summary>
/// The assessment settings in force (gate rule table, scoring weights, effort parameters) and the
/// planning defaults, each with its source. Drift and Sourcing read them; only Sourcing edits the
/// rule table and the weights (as JSON, since the region's lawyers review the stored text itself).
/// Every save is a new version and queues a re-assessment so the stored results follow.
/// </summary>
[Authorize(Policy = Policies.Inventory)]
public sealed class IndexModel(
    AssessmentStore assessments, IBackgroundJobClient jobs, IStringLocalizer<SharedResource> text, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>Weights that follow research/domain.md §5.1; the rest are Sourcing's own defaults.</summary>
    private static readonly HashSet<string> ResearchWeights = new(StringComparer.Ordinal)
    {
        nameof(ScoringWeights.OsSupport), nameof(ScoringWeights.InHouseBuilt), nameof(ScoringWeights.SaasAvailable),
        nameof(ScoringWeights.Integrations), nameof(ScoringWeights.MedicalDevice), nameof(ScoringWeights.TwentyFourSeven),
        nameof(ScoringWeights.DataVolume), nameof(ScoringWeights.OverProvisioning), nameof(ScoringWeights.DriftEffort),
    };

    public AssessmentSettings Settings { get; private set; } = null!;

    public IReadOnlyList<SettingRow> WeightRows { get; private set; } = [];

    public IReadOnlyList<SettingRow> EffortRows { get; private set; } = [];

    public string RulesJson { get; private set; } = "";

    public string WeightsJson { get; private set; } = "";

    /// <summary>Which form an error belongs to ("rules" or "weights"), so it is shown beside that form.</summary>
    public string? ErrorFor { get; private set; }

    public string? Error { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.Sourcing);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRulesAsync(string? rulesJson, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        GateRuleSet rules;
        try
        {
            rules = GateRuleSet.FromJson(rulesJson ?? "");
            if (rules.Rules is null || rules.Rules.Any(r => r is null || r.Condition is null || r.Effects is null || r.Effects.Any(e => e is null)))
            {
                throw new JsonException(text["Settings.IncompleteRule"].Value);
            }
        }
        catch (JsonException e)
        {
            await LoadAsync(cancellationToken);
            RulesJson = rulesJson ?? "";
            return Invalid("rules", e.Message);
        }

        var version = await assessments.SaveRuleSetAsync(rules, User.Identity?.Name ?? "?", cancellationToken);
        return Saved("rules", version);
    }

    public async Task<IActionResult> OnPostWeightsAsync(string? weightsJson, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        ScoringWeights weights;
        try
        {
            weights = ScoringWeights.FromJson(weightsJson ?? "");
        }
        catch (JsonException e)
        {
            await LoadAsync(cancellationToken);
            WeightsJson = weightsJson ?? "";
            return Invalid("weights", e.Message);
        }

        var version = await assessments.SaveWeightsAsync(weights, User.Identity?.Name ?? "?", cancellationToken);
        return Saved("weights", version);
    }

    private PageResult Invalid(string form, string message)
    {
        ErrorFor = form;
        Error = message;
        return Page();
    }

    private RedirectToPageResult Saved(string what, int version)
    {
        jobs.Enqueue<AnalyzeJob>(j => j.RunAsync(CancellationToken.None));
        logger.LogInformation("User {User} saved {What} version {Version}", User.Identity?.Name, what, version);
        TempData["Message"] = text["Settings.Saved", version].Value;
        return RedirectToPage("/Settings/Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Settings = await assessments.GetSettingsAsync(cancellationToken);
        RulesJson = Settings.Rules.ToJson(indented: true);
        WeightsJson = Settings.Weights.ToJson(indented: true);
        WeightRows = Rows(Settings.Weights, name => text[ResearchWeights.Contains(name) ? "Settings.WeightSource.Research" : "Settings.WeightSource.Own"].Value);
        EffortRows = Rows(Settings.Effort, name => EffortParameters.Sources.TryGetValue(name, out var source) ? source : "–");
    }

    private static List<SettingRow> Rows<T>(T settings, Func<string, string> source) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "Version" && p.GetIndexParameters().Length == 0)
            .Select(p => new SettingRow(p.Name, Format(p.GetValue(settings)), source(p.Name)))
            .ToList();

    private static string Format(object? value) => value switch
    {
        null => "–",
        double d => d.ToString("0.###", CultureInfo.CurrentCulture),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "–",
    };
}
