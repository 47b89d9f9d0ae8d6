namespace Sourcing.Analyzer.Planning;

/// <summary>
/// The gate's answer for one destination, reduced to what planning needs: the verdict and the
/// rule that gave it (shown when a move is refused). The full gate lives in Analyzer/Assessment.
/// </summary>
public sealed record PlanningGate(PlanningGateVerdict Verdict, string Rule);
