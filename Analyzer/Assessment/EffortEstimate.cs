namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The model's estimate for one system before calibration. A struct so the assessment can hold
/// one per system while it sums the estate total, and create each <see cref="DriftEffort"/> only
/// once, with its calibrated hours.
/// </summary>
internal readonly record struct EffortEstimate(
    int VmCount,
    int PhysicalHostCount,
    int CloudResourceCount,
    double BaseHours,
    double Multiplier,
    IReadOnlyList<FactorContribution> Multipliers,
    double ModelHours)
{
    public DriftEffort ToEffort(long workloadId, double calibrationFactor) =>
        new(workloadId, VmCount, PhysicalHostCount, CloudResourceCount, BaseHours, Multiplier, Multipliers, ModelHours,
            calibrationFactor == 1.0 ? ModelHours : ModelHours * calibrationFactor);
}
