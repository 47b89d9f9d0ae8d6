namespace Sourcing.Analyzer.Planning;

public enum PlanIssueKind
{
    /// <summary>The scenario is wrong (unknown system, wave before the start, ...): fix it.</summary>
    Error,
    /// <summary>A hand move to a destination the gate blocks: not made.</summary>
    Refused,
    /// <summary>A rule picked a system it cannot move (blocked, no recommendation): left where it is.</summary>
    Skipped,
    /// <summary>Made, but only allowed under the gate's condition.</summary>
    Conditional,
    /// <summary>The forecast is computed but something in it needs attention (surplus staff, missing prices).</summary>
    Warning,
}
