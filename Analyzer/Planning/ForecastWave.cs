namespace Sourcing.Analyzer.Planning;

/// <summary>The systems that move together: one wave to one destination.</summary>
public sealed record ForecastWave(Wave Wave, Destination Destination, IReadOnlyList<long> SystemIds, IReadOnlyList<string> SystemNames);
