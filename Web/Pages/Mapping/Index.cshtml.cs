using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Workloads.Mapping;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Workloads;
using Sourcing.Web.Caching;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Mapping;

/// <summary>
/// Which servers belong to which system: coverage, the ordered rules, conflicts and the unmapped
/// work list with assignment by hand. Drift and Sourcing share this work (policy Inventory).
/// Rules can be added, edited in place, moved up or down and deleted; hand assignments can be removed so
/// the rules decide again. Every change queues a mapping run followed by an assessment.
/// </summary>
[Authorize(Policy = Policies.Inventory)]
public sealed class IndexModel(
    WorkloadStore store, InputsCache cache, IBackgroundJobClient jobs, IStringLocalizer<SharedResource> text, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    public const int PageSize = 100;

    public MappingCoverage Coverage { get; private set; } = new(0, 0, 0, 0, 0, 0);

    public IReadOnlyList<MappingRule> Rules { get; private set; } = [];

    public IReadOnlyList<MappingConflictRow> Conflicts { get; private set; } = [];

    public IReadOnlyList<UnmappedResourceRow> Unmapped { get; private set; } = [];

    public IReadOnlyList<(long Id, string Name)> Systems { get; private set; } = [];

    public int HandAssignmentTotal { get; private set; }

    /// <summary>The rule whose row shows the edit form (from ?edit=id, or the one whose edit was refused).</summary>
    [FromQuery(Name = "edit")]
    public long? EditId { get; set; }

    /// <summary>The values the edit form shows: the stored rule, or what was posted when the edit was refused.</summary>
    public MappingRule? Editing { get; private set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "dir")]
    public string? Dir { get; set; }

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public string? Error { get; private set; }

    public UnmappedSort SortKey => Enum.TryParse<UnmappedSort>(Sort, ignoreCase: true, out var s) ? s : UnmappedSort.Storage;

    public bool Descending => !string.Equals(Dir, "asc", StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Every unmapped resource in the page's sort order, not just the shown page.</summary>
    public async Task<IActionResult> OnGetCsvUnmappedAsync(CancellationToken cancellationToken)
    {
        var rows = await store.ListUnmappedAsync(SortKey, Descending, int.MaxValue, 0, cancellationToken);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("omappade-resurser", time),
            ["id", "source", "kind", "name", "folder_path", "resource_group", "guest_os", "cpu_count", "memory_mib", "storage_gib"],
            rows.Select(r => new object?[] { r.Id, r.Source, r.Kind, r.Name, r.FolderPath, r.ResourceGroup, r.GuestOs, r.CpuCount, r.MemoryMib, r.StorageGib }),
            cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvRulesAsync(CancellationToken cancellationToken)
    {
        var rules = await store.ListRulesAsync(cancellationToken);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("mappningsregler", time),
            ["id", "position", "kind", "match_key", "match_value", "match_regex", "target_workload", "target_department", "enabled", "description"],
            rules.Select(r => new object?[]
            {
                r.Id, r.Position, MappingRule.KindName(r.Kind), r.MatchKey, r.MatchValue, r.MatchRegex, r.TargetWorkload, r.TargetDepartment, r.Enabled, r.Description,
            }), cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvConflictsAsync(CancellationToken cancellationToken)
    {
        var conflicts = await store.ListConflictsAsync(cancellationToken);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("mappningskonflikter", time),
            ["resource_id", "resource_name", "rule_ids", "workloads", "detected_at"],
            conflicts.Select(c => new object?[] { c.ResourceId, c.ResourceName, string.Join(';', c.RuleIds), string.Join(';', c.Workloads), c.DetectedAt }),
            cancellationToken);
    }

    /// <summary>Puts the checked resources in one system (an existing one, or a new one by name), then re-assesses.</summary>
    public async Task<IActionResult> OnPostAssignAsync(long[] resourceIds, long? workloadId, string? newWorkload, CancellationToken cancellationToken)
    {
        if (resourceIds.Length == 0 || (workloadId is null && string.IsNullOrWhiteSpace(newWorkload)))
        {
            Error = text["Mapping.AssignInvalid"].Value;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var by = User.Identity?.Name ?? "?";
        var target = !string.IsNullOrWhiteSpace(newWorkload)
            ? await store.EnsureWorkloadAsync(newWorkload.Trim(), by, cancellationToken)
            : workloadId!.Value;
        if (string.IsNullOrWhiteSpace(newWorkload) && !(await store.LoadForAnalysisAsync(cancellationToken)).Any(w => w.Id == target))
        {
            return NotFound();
        }

        var written = await store.AssignByHandAsync(resourceIds, target, by, cancellationToken);
        jobs.Enqueue<AnalyzeJob>(j => j.RunAsync(CancellationToken.None));
        logger.LogInformation("User {User} assigned {Count} resources to system {Workload}", by, written, target);
        TempData["Message"] = text["Mapping.Assigned", written].Value;
        return RedirectToPage("/Mapping/Index");
    }

    public async Task<IActionResult> OnPostAddRuleAsync(MappingRuleKind kind, string? matchKey, string? matchValue, string? matchRegex,
        string? targetWorkload, string? targetDepartment, int position, string? description, CancellationToken cancellationToken)
    {
        var rule = FromForm(new MappingRule { Kind = kind }, kind, matchKey, matchValue, matchRegex, targetWorkload, targetDepartment, position, description);
        try
        {
            await store.SaveRuleAsync(rule, cancellationToken);
        }
        catch (ArgumentException e)
        {
            // The store's message is Swedish and names what is wrong with the rule.
            Error = e.Message.Split(" (Parameter", 2)[0];
            await LoadAsync(cancellationToken);
            return Page();
        }

        QueueMapping();
        TempData["Message"] = text["Mapping.RuleSaved"].Value;
        return RedirectToPage("/Mapping/Index");
    }

    public async Task<IActionResult> OnPostDeleteRuleAsync(long id, CancellationToken cancellationToken)
    {
        await store.DeleteRuleAsync(id, cancellationToken);
        QueueMapping();
        TempData["Message"] = text["Mapping.RuleDeleted"].Value;
        return RedirectToPage("/Mapping/Index");
    }

    /// <summary>Changes a rule in place, with the same validation as adding one; a refused edit saves nothing and shows why.</summary>
    public async Task<IActionResult> OnPostEditRuleAsync(long id, MappingRuleKind kind, string? matchKey, string? matchValue, string? matchRegex,
        string? targetWorkload, string? targetDepartment, int position, string? description, bool enabled, CancellationToken cancellationToken)
    {
        var stored = (await store.ListRulesAsync(cancellationToken)).FirstOrDefault(r => r.Id == id);
        if (stored is null)
        {
            return NotFound();
        }

        // Fields the form does not show (department tag, management object) keep their stored values.
        var rule = FromForm(stored, kind, matchKey, matchValue, matchRegex, targetWorkload, targetDepartment, position, description) with { Enabled = enabled };
        try
        {
            await store.SaveRuleAsync(rule, cancellationToken);
        }
        catch (ArgumentException e)
        {
            Error = text["MappingEdit.Refused", e.Message.Split(" (Parameter", 2)[0]].Value;
            EditId = id;
            await LoadAsync(cancellationToken);
            Editing = rule;
            return Page();
        }

        logger.LogInformation("User {User} edited mapping rule {Rule}", User.Identity?.Name, id);
        QueueMapping();
        TempData["Message"] = text["MappingEdit.Saved"].Value;
        return RedirectToPage("/Mapping/Index");
    }

    /// <summary>Moves a rule one step up or down in the order; the first rule moved up (or the last down) stays where it is.</summary>
    public async Task<IActionResult> OnPostMoveRuleAsync(long id, string? dir, CancellationToken cancellationToken)
    {
        var up = !string.Equals(dir, "down", StringComparison.OrdinalIgnoreCase);
        if (await store.MoveRuleAsync(id, up, cancellationToken))
        {
            logger.LogInformation("User {User} moved mapping rule {Rule} {Direction}", User.Identity?.Name, id, up ? "up" : "down");
            QueueMapping();
            TempData["Message"] = text[up ? "MappingEdit.MovedUp" : "MappingEdit.MovedDown"].Value;
        }
        else
        {
            TempData["Message"] = text[up ? "MappingEdit.AlreadyFirst" : "MappingEdit.AlreadyLast"].Value;
        }

        return RedirectToPage("/Mapping/Index");
    }

    // Rules changed: map again, then assess what the new mapping gives.
    internal static void QueueMapping(IBackgroundJobClient jobs)
    {
        var mapping = jobs.Enqueue<MappingJob>(j => j.RunAsync(CancellationToken.None));
        jobs.ContinueJobWith<AnalyzeJob>(mapping, j => j.RunAsync(CancellationToken.None));
    }

    private void QueueMapping() => QueueMapping(jobs);

    /// <summary>The rule form's fields over <paramref name="rule"/> (a new rule, or a stored one whose other fields stay).</summary>
    private static MappingRule FromForm(MappingRule rule, MappingRuleKind kind, string? matchKey, string? matchValue, string? matchRegex,
        string? targetWorkload, string? targetDepartment, int position, string? description) => rule with
        {
            Kind = kind,
            Position = position,
            MatchKey = Blank(matchKey),
            MatchValue = Blank(matchValue),
            MatchRegex = Blank(matchRegex),
            TargetWorkload = Blank(targetWorkload),
            TargetDepartment = Blank(targetDepartment),
            Description = Blank(description),
        };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Coverage sums every resource; it is kept until the inventory or the mapping changes.
        Coverage = await cache.GetAsync("mapping-coverage", store.CoverageAsync, cancellationToken);
        Rules = await store.ListRulesAsync(cancellationToken);
        Conflicts = await store.ListConflictsAsync(cancellationToken);
        var offset = (Math.Max(1, PageNumber) - 1) * PageSize;
        // The first page of each order is what people open; it is kept like the coverage, later pages are read as asked.
        Unmapped = offset == 0
            ? await cache.GetAsync($"mapping-unmapped-{SortKey}-{Descending}", ct => store.ListUnmappedAsync(SortKey, Descending, PageSize, 0, ct), cancellationToken)
            : await store.ListUnmappedAsync(SortKey, Descending, PageSize, offset, cancellationToken);
        Systems = await store.ListNamesAsync(cancellationToken);
        (_, HandAssignmentTotal) = await store.ListHandAssignmentsAsync(0, 0, cancellationToken);
        Editing = EditId is { } editId ? Rules.FirstOrDefault(r => r.Id == editId) : null;
    }

    public string SortUrl(UnmappedSort key)
    {
        var dir = SortKey == key && Descending ? "asc" : "desc";
        return Url.Page("/Mapping/Index", new { sort = key.ToString().ToLowerInvariant(), dir })!;
    }

    public string? AriaSort(UnmappedSort key) => SortKey != key ? null : Descending ? "descending" : "ascending";

    public string UnmappedCsvUrl => Url.Page("/Mapping/Index", "CsvUnmapped", new { sort = SortKey.ToString().ToLowerInvariant(), dir = Descending ? "desc" : "asc" })!;

    public string PageUrl(int page) => Url.Page("/Mapping/Index", new { sort = SortKey.ToString().ToLowerInvariant(), dir = Descending ? "desc" : "asc", p = page })!;
}
