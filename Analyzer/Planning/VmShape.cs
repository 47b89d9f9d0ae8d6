namespace Sourcing.Analyzer.Planning;

/// <summary>
/// The size of one server, used to pick a cloud price row. A server with enough measured use also
/// carries its p95 (percent of the configured size), so that the headroom can change without a
/// recompile: the forecast sizes it with <see cref="RightSizing.Size"/> before pricing.
/// </summary>
public sealed record VmShape(int VCpu, double MemoryGib, bool Windows, double? CpuP95 = null, double? MemoryP95 = null)
{
    public bool Measured => CpuP95 is not null || MemoryP95 is not null;
}
