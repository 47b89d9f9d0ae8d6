namespace Sourcing.Analyzer.Planning;

/// <summary>One pool in one year: what continuing as today costs, and what the scenario still pays of it.</summary>
public sealed record PoolCost(double Baseline, double Scenario)
{
    public double Difference => Scenario - Baseline;
}
