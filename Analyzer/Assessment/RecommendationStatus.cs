namespace Sourcing.Analyzer.Assessment;

public enum RecommendationStatus
{
    /// <summary>A destination is recommended.</summary>
    Recommended,
    /// <summary>"Underlag saknas": the classification is missing, so no destination is recommended.</summary>
    InsufficientData,
    /// <summary>Every destination is blocked (only possible with an edited rule set).</summary>
    NoAllowedDestination,
}
