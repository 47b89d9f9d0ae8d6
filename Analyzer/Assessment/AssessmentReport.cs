namespace Sourcing.Analyzer.Assessment;

/// <summary>The assessment of every system, with the calibration and the versions it was made with.</summary>
public sealed record AssessmentReport(
    DateOnly Today,
    int RuleSetVersion,
    int WeightsVersion,
    int EffortParametersVersion,
    EffortCalibration Calibration,
    IReadOnlyList<WorkloadAssessment> Workloads);
