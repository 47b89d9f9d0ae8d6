namespace Sourcing.Analyzer.Planning;

/// <summary>What the hosting gate says about one destination for one system.</summary>
public enum PlanningGateVerdict
{
    Allowed,
    /// <summary>Allowed if the condition in the rule text is met (e.g. a documented suitability assessment).</summary>
    Conditional,
    Blocked,
}
