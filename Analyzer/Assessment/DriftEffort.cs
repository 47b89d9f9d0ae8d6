namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// What one system costs in drift today. <see cref="ModelHours"/> is the model's estimate from
/// the defaults; <see cref="Hours"/> is after calibration to the region's stated FTE (equal to
/// ModelHours when no FTE was stated).
/// </summary>
public sealed record DriftEffort(
    long WorkloadId,
    int VmCount,
    int PhysicalHostCount,
    int CloudResourceCount,
    double BaseHours,
    double Multiplier,
    IReadOnlyList<FactorContribution> Multipliers,
    double ModelHours,
    double Hours);
