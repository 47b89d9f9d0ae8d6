namespace Sourcing.Analyzer.Planning;

/// <summary>FTE added to one target role.</summary>
public sealed record RoleFte(string Role, double Fte);
