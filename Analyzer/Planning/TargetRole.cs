namespace Sourcing.Analyzer.Planning;

/// <summary>A role freed capacity goes to, with its share of it (shares are normalised).</summary>
public sealed record TargetRole(string Role, double Share);
