namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One pool's cost today: the model's own estimate from drivers and unit prices, what the region's
/// books say (null when not entered), and the factor that scales the one to the other.
/// Unallocated is a stated cost the model has no driver for (its estimate is 0): it stays on both
/// sides and is shown, never spread.
/// </summary>
public sealed record PoolCalibration(string Pool, string Label, PoolBehaviour Behaviour, double Estimate, double? Stated, double Factor, double Unallocated)
{
    /// <summary>What the pool costs today in the forecast (SEK/year).</summary>
    public double Today => Estimate * Factor + Unallocated;
}
