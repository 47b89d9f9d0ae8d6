namespace Sourcing.Analyzer.Planning;

/// <summary>How far a default can be trusted (research/domain.md labels), shown beside every value.</summary>
public enum SourceConfidence
{
    /// <summary>Official or primary source that says exactly this.</summary>
    High,
    /// <summary>Reputable secondary source or analyst summary.</summary>
    Medium,
    /// <summary>Vendor page, single data point, or a value derived by us.</summary>
    Low,
    /// <summary>No source found: an assumption to check with the region.</summary>
    Unverified,
    /// <summary>Not a fact but a choice the scenario makes (e.g. how much freed capacity goes to development).</summary>
    ScenarioChoice,
}
