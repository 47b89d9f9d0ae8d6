namespace Sourcing.Analyzer.Planning;

/// <summary>
/// Moves every system the filter picks. With several waves the picked systems are spread evenly
/// over them in id order, so the same inputs always give the same waves.
/// </summary>
public sealed record MoveRule
{
    public required string Name { get; init; }
    public SystemFilter Filter { get; init; } = new();
    /// <summary>Where to; null means each system's recommended destination.</summary>
    public Destination? Destination { get; init; }
    public required IReadOnlyList<Wave> Waves { get; init; }
    /// <summary>Null: rehost for hosting and cloud, replace for SaaS, retire for retire.</summary>
    public TransitionMethod? Method { get; init; }
    /// <summary>Which sourcing contract the moves belong to; null gives one contract per destination.</summary>
    public string? Contract { get; init; }
}
