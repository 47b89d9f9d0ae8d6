namespace Sourcing.Analyzer.Planning;

/// <summary>One system's place in the plan: where, when, how, and why it is allowed.</summary>
// Origin is the rule's name, or "hand" for a hand move.
public sealed record PlannedMove(
    long SystemId,
    string SystemName,
    string? Department,
    Destination Destination,
    Wave Wave,
    TransitionMethod Method,
    string? Contract,
    PlanningGateVerdict Verdict,
    string? GateRule,
    string Origin,
    double? DriftHoursPerYear,
    int VmCount,
    int PhysicalServers,
    bool TwentyFourSeven);
