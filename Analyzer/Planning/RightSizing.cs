namespace Sourcing.Analyzer.Planning;

/// <summary>
/// Right-sizing a server for the public cloud from its measured use, the way Azure Migrate's
/// performance-based assessment does: the 95th percentile of CPU and memory use times a headroom
/// (the planning parameter <see cref="ParameterKeys.RightSizingHeadroom"/>, default 1.3), never
/// above the configured size. A server with fewer than <see cref="MinimumDays"/> days of samples
/// keeps its configured size, and the forecast says how many did.
/// </summary>
public static class RightSizing
{
    /// <summary>Days of samples a p95 needs before it replaces the configured size.</summary>
    public const int MinimumDays = 14;

    /// <summary>The days back the p95 is taken over (the system page and the forecast alike).</summary>
    public const int WindowDays = 30;

    // 8 × 0.3 × 1.25 is 3.0000000000000004 in binary: a whole number must not round up to the next.
    private const double Tolerance = 1e-9;

    /// <summary>True when the server has enough days of samples and at least one measured percentile.</summary>
    public static bool HasEnough(PlanningVm vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm.UtilisationDays >= MinimumDays && (vm.CpuP95 is not null || vm.MemoryP95 is not null);
    }

    /// <summary>
    /// The size to price: vCPU = max(1, ⌈vCPU × p95/100 × headroom⌉), memory = memory × p95/100 ×
    /// headroom, each capped at the configured size; a percentile that is missing keeps that
    /// dimension's configured size; percentiles are clamped to 0–100 %.
    /// </summary>
    public static VmShape Size(VmShape configured, double headroom)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var factor = Math.Max(1, headroom);
        var vcpu = configured.CpuP95 is { } cpu
            ? Math.Clamp((int)Math.Ceiling(configured.VCpu * Share(cpu) * factor - Tolerance), 1, configured.VCpu)
            : configured.VCpu;
        var memory = configured.MemoryP95 is { } mem
            ? Math.Min(configured.MemoryGib, configured.MemoryGib * Share(mem) * factor)
            : configured.MemoryGib;
        return new VmShape(vcpu, memory, configured.Windows);
    }

    private static double Share(double percent) => double.IsFinite(percent) ? Math.Clamp(percent, 0, 100) / 100 : 1;
}
