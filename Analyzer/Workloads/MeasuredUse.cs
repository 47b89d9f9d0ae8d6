namespace Sourcing.Analyzer.Workloads;

/// <summary>
/// A VM's measured use: the 95th percentile of its daily CPU and memory samples, in percent of its
/// configured size, over <see cref="Days"/> days with samples. Null percentiles mean no samples of
/// that kind. Whether there is enough to act on is <see cref="Planning.RightSizing.HasEnough"/>.
/// </summary>
public sealed record MeasuredUse(double? CpuP95, double? MemoryP95, int Days);
