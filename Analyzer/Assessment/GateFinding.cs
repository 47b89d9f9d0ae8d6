namespace Sourcing.Analyzer.Assessment;

/// <summary>One rule that applied to one destination: which rule, its text, whether it is law or policy, and what it did.</summary>
public sealed record GateFinding(string RuleId, string RuleText, GateEffect Effect, string ConditionText, double Points, RuleBasis Basis = RuleBasis.Policy);
