using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Assessment.Learning;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Auth;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Workloads;
using Sourcing.Web.Portfolio;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Systems;

/// <summary>
/// One system: attributes with origins, resources, gate, scores, recommendation, the model's
/// suggestion and decisions. Drift and Sourcing read it; editing and deciding need role Sourcing.
/// The assessment shown is the stored one (<see cref="CurrentAssessment"/>), the same the list, the
/// exports and the forecast use; an edit here runs the analysis at once, so it shows its effect.
/// </summary>
[Authorize(Policy = Policies.Inventory)]
public sealed class DetailModel(
    IWorkloadSource source, WorkloadStore workloads, AssessmentStore assessments, CurrentAssessment current,
    IStringLocalizer<SharedResource> text, TimeProvider time, ILogger<DetailModel> logger, UtilisationStore utilisation) : PageModel
{
    /// <summary>Days of daily samples the p95 on the page is taken over.</summary>
    public const int UtilisationDays = Sourcing.Analyzer.Planning.RightSizing.WindowDays;

    /// <summary>p95 CPU and memory use of the system's VMs by resource id (VMs with samples only).</summary>
    public IReadOnlyDictionary<long, VmUtilisationP95> Utilisation { get; private set; } = new Dictionary<long, VmUtilisationP95>();

    public Workload Workload { get; private set; } = null!;

    public WorkloadAssessment Assessment { get; private set; } = null!;

    public IReadOnlyDictionary<string, AttributeOriginView> Origins { get; private set; } = new Dictionary<string, AttributeOriginView>();

    public ModelSuggestion? Suggestion { get; private set; }

    public IReadOnlyList<DecisionRecord> Decisions { get; private set; } = [];

    public WorkloadEditInput Edit { get; private set; } = new();

    public DecisionInput Decision { get; private set; } = new();

    public bool CanEdit => User.IsInRole(Roles.Sourcing);

    /// <summary>Timeline entries per page: the newest 200, then "visa fler" pages back in time.</summary>
    public const int TimelinePageSize = 200;

    /// <summary>Changes of the system's resources, their assignments, decisions and the latest assessment, newest first.</summary>
    public IReadOnlyList<SystemTimelineEntry> Timeline { get; private set; } = [];

    public bool TimelineHasMore { get; private set; }

    [FromQuery(Name = "tp")]
    public int TimelinePage { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Edit = WorkloadEditInput.From(Workload);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(long id, WorkloadEditInput edit, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Edit = edit;
            return Page();
        }

        var written = await workloads.UpdateByHandAsync(id, edit.ToEdit(), User.Identity?.Name ?? "?", cancellationToken);
        if (written.Count > 0)
        {
            // Inline, not queued: the page the user is sent back to must show the edit's effect,
            // and the list must show the same (one analysis over the estate takes well under a second).
            await current.RefreshAsync(cancellationToken);
            logger.LogInformation("User {User} edited system {Id}: {Fields}", User.Identity?.Name, id, string.Join(", ", written));
        }

        TempData["Message"] = text["Systems.Saved", written.Count].Value;
        return RedirectToPage("/Systems/Detail", new { id });
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, DecisionInput decision, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Edit = WorkloadEditInput.From(Workload);
        Decision = decision;
        if (!ModelState.IsValid || decision.Destination is not { } destination || !Enum.IsDefined(destination))
        {
            ModelState.AddModelError("decision", text["Systems.DecisionInvalid"].Value);
            return Page();
        }

        var gate = Assessment.Gate.For(destination);
        if (gate.Verdict == GateVerdict.Blocked)
        {
            ModelState.AddModelError("decision", text["Systems.DecisionBlocked", text["Dest." + destination].Value, gate.DecidingRuleId ?? "?", gate.DecidingRuleText ?? ""].Value);
            return Page();
        }

        var decisionId = await assessments.AddDecisionAsync(Workload, destination, decision.Reason!.Trim(), User.Identity?.Name ?? "?", time.GetUtcNow(), Assessment.Recommendation, cancellationToken);
        logger.LogInformation("User {User} recorded decision {DecisionId}: system {Id} → {Destination}", User.Identity?.Name, decisionId, id, destination);
        TempData["Message"] = text["Systems.DecisionSaved", text["Dest." + destination].Value].Value;
        return RedirectToPage("/Systems/Detail", new { id });
    }

    /// <summary>The gate table: verdict, deciding rule, conditions and score per destination.</summary>
    public async Task<IActionResult> OnGetCsvGateAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await CsvExport.WriteAsync(Response, FileName("regelgrind"),
            ["system", "destination", "verdict", "deciding_rule_id", "deciding_rule_text", "conditions", "score"],
            Assessment.Gate.Destinations.Select(g => new object?[]
            {
                Workload.Name, g.Destination, g.Verdict, g.DecidingRuleId, g.DecidingRuleText, string.Join("; ", g.Conditions),
                Assessment.Scores.FirstOrDefault(x => x.Destination == g.Destination)?.Score,
            }), cancellationToken);
    }

    /// <summary>The attribute table with raw values (codes, not the page's Swedish labels) and where each came from.</summary>
    public async Task<IActionResult> OnGetCsvAttributesAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var w = Workload;
        var values = new (string Column, object? Value)[]
        {
            ("department", w.Department), ("management_object", w.ManagementObject), ("object_owner", w.ObjectOwner),
            ("confidentiality", w.Confidentiality), ("integrity", w.Integrity), ("availability", w.Availability),
            ("security_classified", w.SecurityClassified), ("personal_data", w.PersonalData), ("availability_need", w.AvailabilityNeed),
            ("medical_device", w.MedicalDeviceDependency), ("requires_offline", w.RequiresOffline), ("in_house_built", w.InHouseBuilt),
            ("vendor", w.Vendor), ("saas_available", w.SaasAvailable), ("integration_count", w.IntegrationCount),
            ("contract_end", w.ContractEnd), ("lifecycle", w.Lifecycle),
        };
        return await CsvExport.WriteAsync(Response, FileName("uppgifter"),
            ["system", "attribute", "value", "origin", "origin_at", "origin_by"],
            values.Select(v =>
            {
                var o = Origin(v.Column);
                return new object?[] { w.Name, v.Column, v.Value, o.Origin, o.At, o.By };
            }),
            cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvResourcesAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await CsvExport.WriteAsync(Response, FileName("resurser"),
            ["system", "id", "name", "kind", "os_family", "os_version", "support", "cpu_count", "memory_mib", "storage_gib"],
            Workload.Resources.Select(r => new object?[] { Workload.Name, r.Id, r.Name, r.Kind, r.OsFamily, r.OsVersion, r.Support, r.CpuCount, r.MemoryMib, r.StorageGib }),
            cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvDecisionsAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await CsvExport.WriteAsync(Response, FileName("beslut"),
            ["system", "decided_at", "destination", "reason", "decided_by", "recommended_destination", "recommended_confidence"],
            Decisions.Select(d => new object?[] { Workload.Name, d.DecidedAt, d.Destination, d.Reason, d.DecidedBy, d.RecommendedDestination, d.RecommendedConfidence }),
            cancellationToken);
    }

    private string FileName(string table) => CsvExport.FileName(table + "-" + Sourcing.Web.Pages.Scenarios.IndexModel.FileName(Workload.Name), time);

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var workload = await source.GetWorkloadAsync(id, cancellationToken);
        if (workload is null)
        {
            return false;
        }

        var assessment = await current.GetAsync(id, cancellationToken);
        if (assessment is null)
        {
            return false;
        }

        Workload = workload;
        var vms = workload.Resources.Where(r => r.Kind == ResourceKinds.Vm).Select(r => r.Id).ToList();
        if (vms.Count > 0)
        {
            Utilisation = await utilisation.P95Async(vms, time.GetUtcNow(), UtilisationDays, cancellationToken);
        }

        Assessment = assessment;
        var today = SwedishTime.Today(time);
        using (var origins = await workloads.OriginsAsync(id, cancellationToken))
        {
            Origins = ReadOrigins(origins.RootElement);
        }

        Decisions = await assessments.GetDecisionsAsync(id, cancellationToken);
        // One extra entry tells whether there is an older page.
        TimelinePage = Math.Max(1, TimelinePage);
        var timeline = await workloads.TimelineAsync(id, TimelinePageSize + 1, (TimelinePage - 1) * TimelinePageSize, cancellationToken);
        TimelineHasMore = timeline.Count > TimelinePageSize;
        Timeline = [.. timeline.Take(TimelinePageSize)];
        if (await assessments.GetLatestModelAsync(cancellationToken) is { } model)
        {
            try
            {
                Suggestion = DecisionPredictor.Load(model.Model).Suggest(workload, Assessment, today);
            }
#pragma warning disable CA1031 // A model that cannot be loaded (e.g. older feature schema) must not break the page: show "no model".
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Model v{Version} could not suggest for system {Id}", model.Version, id);
            }
        }

        return true;
    }

    private static Dictionary<string, AttributeOriginView> ReadOrigins(JsonElement root)
    {
        var result = new Dictionary<string, AttributeOriginView>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.String)
            {
                result[property.Name] = new AttributeOriginView(value.GetString() ?? "default", null, null);
                continue;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var origin = value.TryGetProperty("origin", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : "default";
            DateTimeOffset? at = value.TryGetProperty("at", out var a) && a.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(a.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
            var by = value.TryGetProperty("by", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
            result[property.Name] = new AttributeOriginView(origin, at, by);
        }

        return result;
    }

    public AttributeOriginView Origin(string column) => Origins.GetValueOrDefault(column) ?? new AttributeOriginView("default", null, null);

    /// <summary>The resource text key for what an assessment concluded: a destination, or why there is none.</summary>
    public static string AssessmentKey(string? detail) => detail switch
    {
        "InsufficientData" => "Rec.missing",
        "NoAllowedDestination" => "Rec.blocked",
        null => "Rec.none",
        _ => "Dest." + detail,
    };

    public static string Level(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";
}
