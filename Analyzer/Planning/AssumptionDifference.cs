namespace Sourcing.Analyzer.Planning;

/// <summary>An assumption that is not the same in every compared scenario; values in scenario order.</summary>
public sealed record AssumptionDifference(string Key, string Label, IReadOnlyList<string> Values);
