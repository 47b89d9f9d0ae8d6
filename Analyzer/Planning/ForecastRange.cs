namespace Sourcing.Analyzer.Planning;

/// <summary>
/// The 10th, 50th and 90th percentile of one figure over the simulation's runs. The median is the central estimate
/// when the base calculation (every assumption at its default) lies off-centre in skewed source ranges.
/// </summary>
public sealed record Percentiles(double P10, double P50, double P90);

/// <summary>
/// How sure the headline figures are: each documented parameter drawn from a triangular
/// distribution over its source's range (low, the scenario's value, high), <see cref="Runs"/> runs
/// with a fixed seed, so the same inputs always give the same range.
/// </summary>
public sealed record ForecastRange(int Runs, int Seed, Percentiles DevelopmentFteGained, Percentiles Npv, Percentiles NominalDifference);
