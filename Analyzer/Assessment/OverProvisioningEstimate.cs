using Sourcing.Analyzer.Planning;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The over-provisioning factor of <see cref="AssessmentInput.OverProvisioning"/> from measured use:
/// per system, over its VMs with enough days of samples (<see cref="RightSizing.HasEnough"/>), the
/// share of allocated capacity unused at the 95th percentile, weighted by size —
/// CPU: 1 − Σ(vCPU × cpuP95) / Σ vCPU; memory: 1 − Σ(MiB × memP95) / Σ MiB; the factor is the
/// mean of the two (or the one measured). No headroom is applied: it is what the system does not
/// use, not what a cloud size would leave free. Systems without such a VM get none (the factor
/// then counts for nothing in the score).
/// </summary>
public static class OverProvisioningEstimate
{
    public static IReadOnlyDictionary<long, double> For(IReadOnlyList<Workload> workloads, IReadOnlyDictionary<long, MeasuredUse> use)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(use);
        var result = new Dictionary<long, double>();
        if (use.Count == 0)
        {
            return result;
        }

        foreach (var workload in workloads)
        {
            double cpuUsed = 0, cpuAllocated = 0, memoryUsed = 0, memoryAllocated = 0;
            foreach (var resource in workload.Resources)
            {
                if (resource.Kind != "vm" || resource.IsPhysicalHost || !use.TryGetValue(resource.Id, out var measured)
                    || measured.Days < RightSizing.MinimumDays)
                {
                    continue;
                }

                if (measured.CpuP95 is { } cpu && double.IsFinite(cpu) && resource.CpuCount > 0)
                {
                    cpuAllocated += resource.CpuCount;
                    cpuUsed += resource.CpuCount * Math.Clamp(cpu, 0, 100) / 100;
                }

                if (measured.MemoryP95 is { } memory && double.IsFinite(memory) && resource.MemoryMib > 0)
                {
                    memoryAllocated += resource.MemoryMib;
                    memoryUsed += resource.MemoryMib * Math.Clamp(memory, 0, 100) / 100;
                }
            }

            var shares = new List<double>(2);
            if (cpuAllocated > 0)
            {
                shares.Add(1 - (cpuUsed / cpuAllocated));
            }

            if (memoryAllocated > 0)
            {
                shares.Add(1 - (memoryUsed / memoryAllocated));
            }

            if (shares.Count > 0)
            {
                result[workload.Id] = Math.Clamp(shares.Average(), 0, 1);
            }
        }

        return result;
    }
}
