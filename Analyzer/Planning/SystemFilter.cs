using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// Which systems a rule picks. Every criterion that is set must hold (AND); an empty filter picks
/// every system. Unknown values never match a criterion that asks about them: an unclassified
/// system is not "at most K1".
/// </summary>
public sealed record SystemFilter
{
    /// <summary>The assessment recommends one of these destinations.</summary>
    public IReadOnlyList<Destination>? RecommendedIn { get; init; }
    /// <summary>true: only systems on an OS out of (normal) support, i.e. unsupported or extended support only.</summary>
    public bool? OsOutOfSupport { get; init; }
    /// <summary>The system belongs to one of these förvaltningar (case-insensitive).</summary>
    public IReadOnlyList<string>? Departments { get; init; }
    /// <summary>Highest allowed KLASSA K level.</summary>
    public int? MaxConfidentiality { get; init; }
    /// <summary>The system's OS family is one of these ("Windows", "Linux" in the file).</summary>
    public IReadOnlyList<OsFamily>? OsFamilies { get; init; }
    /// <summary>The system name contains one of these words (case-insensitive), e.g. "fil", "print".</summary>
    public IReadOnlyList<string>? NameContains { get; init; }

    public bool Matches(PlanningSystem system)
    {
        if (RecommendedIn is { Count: > 0 } && (system.Recommended is not { } rec || !RecommendedIn.Contains(rec)))
        {
            return false;
        }

        if (OsOutOfSupport is { } oos
            && oos != (system.OsSupport is SupportStatus.Unsupported or SupportStatus.ExtendedOnly))
        {
            return false;
        }

        if (Departments is { Count: > 0 }
            && (system.Department is null || !Departments.Any(d => string.Equals(d, system.Department, StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        if (MaxConfidentiality is { } max && (system.Confidentiality is not { } k || k > max))
        {
            return false;
        }

        if (OsFamilies is { Count: > 0 }
            && !OsFamilies.Contains(system.OsFamily))
        {
            return false;
        }

        return NameContains is not { Count: > 0 }
            || NameContains.Any(w => system.Name.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
