namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The gate's verdict for one destination. A non-Allowed verdict always names the rule that
/// decided it (the last rule in table order with the strictest effect, see <see cref="HostingGate"/>). <see cref="Conditions"/>
/// lists every condition to meet (Swedish) when the verdict is Conditional; <see cref="ScorePoints"/>
/// is the sum of Penalty (negative) and Preferred (positive) points the scoring adds;
/// <see cref="ScoreFactors"/> are the same points per rule, as the score's factor list shows them.
/// <see cref="DecidingRuleBasis"/> says whether the deciding rule is law or policy;
/// <see cref="DecidingRuleReference"/> is its paragraph (law) or who decided it and when (policy).
/// </summary>
public sealed record DestinationGate(
    Destination Destination,
    GateVerdict Verdict,
    string? DecidingRuleId,
    string? DecidingRuleText,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<GateFinding> Findings,
    double ScorePoints,
    IReadOnlyList<FactorContribution> ScoreFactors,
    RuleBasis? DecidingRuleBasis = null,
    string? DecidingRuleReference = null);
