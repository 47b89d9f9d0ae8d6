using Sourcing.Analyzer.Assessment;

namespace Sourcing.Collector.Assessment;

/// <summary>The region's current rule table, weights and effort parameters (defaults where none is saved).</summary>
public sealed record AssessmentSettings(GateRuleSet Rules, ScoringWeights Weights, EffortParameters Effort);
