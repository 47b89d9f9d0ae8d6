using System.Text.RegularExpressions;

namespace Sourcing.Analyzer.Workloads.Mapping;

/// <summary>
/// Places resources in workloads with ordered rules: for each resource the first enabled rule (by
/// position) that matches wins. Further rules that would place it elsewhere make a conflict, listed
/// but not applied. Resources assigned by hand are left alone: a person's choice beats every rule.
/// </summary>
public sealed class MappingEngine
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);
    private readonly List<(MappingRule Rule, Regex? Regex)> _rules;

    /// <exception cref="ArgumentException">A rule has an invalid regex or cannot name a workload.</exception>
    public MappingEngine(IEnumerable<MappingRule> rules)
    {
        _rules = [];
        foreach (var rule in rules.Where(r => r.Enabled).OrderBy(r => r.Position).ThenBy(r => r.Id))
        {
            var problem = Validate(rule);
            if (problem is not null)
            {
                throw new ArgumentException($"Mapping rule {rule.Id}: {problem}", nameof(rules));
            }

            _rules.Add((rule, rule.MatchRegex is null ? null : new Regex(rule.MatchRegex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout)));
        }
    }

    /// <summary>Null when the rule can be applied, else why not (in Swedish, shown on the rules page).</summary>
    public static string? Validate(MappingRule rule)
    {
        if (rule.Kind is MappingRuleKind.VsphereTag or MappingRuleKind.VsphereCategory or MappingRuleKind.AzureTag && string.IsNullOrWhiteSpace(rule.MatchKey))
        {
            return "en taggregel behöver kategori eller taggnyckel.";
        }

        if (rule.MatchRegex is not null)
        {
            try
            {
                _ = new Regex(rule.MatchRegex, RegexOptions.None, RegexTimeout);
            }
            catch (ArgumentException e)
            {
                return $"ogiltigt reguljärt uttryck: {e.Message}";
            }
        }

        if (rule.Kind == MappingRuleKind.NamePattern && rule.MatchRegex is null)
        {
            return "en namnregel behöver ett reguljärt uttryck.";
        }

        if (rule.Kind == MappingRuleKind.NamePattern && rule.TargetWorkload is null
            && new Regex(rule.MatchRegex!, RegexOptions.None, RegexTimeout).GetGroupNumbers().Length < 2)
        {
            return "utan fast system måste uttrycket ha en grupp (t.ex. (?<workload>...)) som ger systemets namn.";
        }

        return null;
    }

    public MappingResult Apply(IEnumerable<MappingResource> resources, IReadOnlySet<long> handAssigned)
    {
        var assignments = new List<MappingAssignment>();
        var conflicts = new List<MappingConflict>();
        var unmatched = new List<long>();
        foreach (var resource in resources)
        {
            if (handAssigned.Contains(resource.Id))
            {
                continue;
            }

            var hits = new List<MappingAssignment>();
            foreach (var (rule, regex) in _rules)
            {
                hits.AddRange(Match(rule, regex, resource));
            }

            if (hits.Count == 0)
            {
                unmatched.Add(resource.Id);
                continue;
            }

            var winner = hits[0];
            assignments.Add(winner);
            var others = hits.Skip(1).Where(h => !SameTarget(h, winner)).ToList();
            if (others.Count > 0)
            {
                var all = new[] { winner }.Concat(others).ToList();
                conflicts.Add(new MappingConflict(resource.Id, [.. all.Select(h => h.RuleId)], [.. all.Select(h => h.Workload)]));
            }
        }

        return new MappingResult(assignments, conflicts, unmatched);
    }

    private static bool SameTarget(MappingAssignment a, MappingAssignment b) =>
        string.Equals(a.Workload, b.Workload, StringComparison.OrdinalIgnoreCase)
        && (a.Department is null || b.Department is null || string.Equals(a.Department, b.Department, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<MappingAssignment> Match(MappingRule rule, Regex? regex, MappingResource resource)
    {
        var isVsphere = resource.SourceKind is "vsphere" or "rvtools";
        var isAzure = resource.SourceKind == "azure";
        IEnumerable<string> workloads = rule.Kind switch
        {
            MappingRuleKind.VsphereTag or MappingRuleKind.VsphereCategory when isVsphere => TagValues(rule, regex, resource),
            MappingRuleKind.AzureTag when isAzure => TagValues(rule, regex, resource),
            MappingRuleKind.ResourceGroup when isAzure && resource.ResourceGroup is not null => Single(rule, regex, resource.ResourceGroup),
            MappingRuleKind.FolderPath when resource.FolderPath is not null => Folder(rule, regex, resource.FolderPath),
            MappingRuleKind.NamePattern => Single(rule, regex, resource.Name),
            _ => [],
        };

        foreach (var workload in workloads.Where(w => !string.IsNullOrWhiteSpace(w)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var department = rule.TargetDepartment
                ?? (rule.DepartmentTag is null ? null : TagValue(resource.Tags, rule.DepartmentTag)?.Split(';')[0].Trim());
            yield return new MappingAssignment(resource.Id, rule.Id, workload.Trim(), string.IsNullOrWhiteSpace(department) ? null : department, rule.TargetObject);
        }
    }

    private static IEnumerable<string> TagValues(MappingRule rule, Regex? regex, MappingResource resource)
    {
        var joined = TagValue(resource.Tags, rule.MatchKey!);
        if (joined is null)
        {
            yield break;
        }

        // Several vSphere tags of one category arrive joined with "; ".
        foreach (var value in joined.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var workload in Single(rule, regex, value))
            {
                yield return workload;
            }
        }
    }

    private static IEnumerable<string> Single(MappingRule rule, Regex? regex, string value)
    {
        if (rule.MatchValue is not null)
        {
            if (string.Equals(value, rule.MatchValue, StringComparison.OrdinalIgnoreCase))
            {
                yield return rule.TargetWorkload ?? value;
            }

            yield break;
        }

        if (regex is not null)
        {
            var match = regex.Match(value);
            if (match.Success)
            {
                yield return rule.TargetWorkload ?? GroupValue(match) ?? value;
            }

            yield break;
        }

        yield return rule.TargetWorkload ?? value;
    }

    private static IEnumerable<string> Folder(MappingRule rule, Regex? regex, string path)
    {
        if (rule.MatchValue is not null)
        {
            var prefix = rule.MatchValue.TrimEnd('/');
            if (path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase))
            {
                // "from value": the folder right below the prefix names the system.
                var next = path.Length > prefix.Length ? path[(prefix.Length + 1)..].Split('/')[0] : null;
                var workload = rule.TargetWorkload ?? next;
                if (workload is not null)
                {
                    yield return workload;
                }
            }

            yield break;
        }

        foreach (var workload in Single(rule, regex, path))
        {
            yield return workload;
        }
    }

    private static string? GroupValue(Match match)
    {
        if (match.Groups["workload"] is { Success: true } named)
        {
            return named.Value;
        }

        return match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : null;
    }

    // vSphere categories and Azure tag keys are compared case-insensitively: Azure treats keys so, and people type categories by hand.
    private static string? TagValue(IReadOnlyDictionary<string, string> tags, string key)
    {
        if (tags.TryGetValue(key, out var exact))
        {
            return exact;
        }

        foreach (var (k, v) in tags)
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}
