namespace Sourcing.Analyzer.Planning;

/// <summary>A sourcing contract: the unit that gets a retained organisation, governance and a procurement.</summary>
public sealed record PlanContract(string Label, Destination Destination);
