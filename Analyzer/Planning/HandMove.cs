namespace Sourcing.Analyzer.Planning;

/// <summary>
/// A move set by hand for one system. It wins over every rule; a hand move to InHouse keeps the
/// system at home even if a rule would pick it.
/// </summary>
public sealed record HandMove
{
    public required long SystemId { get; init; }
    public required Destination Destination { get; init; }
    public required Wave Wave { get; init; }
    public TransitionMethod? Method { get; init; }
    public string? Contract { get; init; }
}
