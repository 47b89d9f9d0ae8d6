namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// One factor's share of a score, so a page can say why. A struct: 100,000 workloads × 5
/// destinations × several factors would otherwise be millions of small heap objects.
/// </summary>
public readonly record struct FactorContribution(string FactorId, string Label, double Points);
