namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The scale applied to every system's model hours so the total equals the FTE the region says it
/// has in drift. Factor 1 when no FTE was stated or the model total is zero.
/// </summary>
public sealed record EffortCalibration(double Factor, double? StatedFte, double ModelFte, double ModelHours, double CalibratedHours);
