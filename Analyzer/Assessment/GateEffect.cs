namespace Sourcing.Analyzer.Assessment;

/// <summary>What a gate rule does to one destination when its condition matches.</summary>
public enum GateEffect
{
    /// <summary>No restriction (listed so a region can state it explicitly).</summary>
    Allowed,
    /// <summary>Allowed and favoured: adds the rule's points to the score (e.g. "in-house required/preferred").</summary>
    Preferred,
    /// <summary>Allowed but penalised: subtracts the rule's points from the score, never a block.</summary>
    Penalty,
    /// <summary>Allowed only if the named conditions are met.</summary>
    Conditional,
    /// <summary>Not allowed.</summary>
    Blocked,
}
