namespace Sourcing.Analyzer.Workloads.Mapping;

/// <summary>How much of the VM estate belongs to a workload: by count, by vCPU and by storage.</summary>
public sealed record MappingCoverage(int Vms, int MappedVms, long Vcpu, long MappedVcpu, decimal StorageGib, decimal MappedStorageGib)
{
    public double VmShare => Vms == 0 ? 0 : (double)MappedVms / Vms;

    public double VcpuShare => Vcpu == 0 ? 0 : (double)MappedVcpu / Vcpu;

    public double StorageShare => StorageGib == 0 ? 0 : (double)(MappedStorageGib / StorageGib);

    /// <summary>Counts VMs only (kind "vm", vSphere and Azure alike); hosts and PaaS resources are not part of the figure.</summary>
    public static MappingCoverage Compute(IEnumerable<MappingResource> resources, IReadOnlySet<long> mapped)
    {
        int vms = 0, mappedVms = 0;
        long vcpu = 0, mappedVcpu = 0;
        decimal storage = 0, mappedStorage = 0;
        foreach (var resource in resources.Where(r => r.Kind == "vm"))
        {
            vms++;
            vcpu += resource.CpuCount;
            storage += resource.StorageGib;
            if (mapped.Contains(resource.Id))
            {
                mappedVms++;
                mappedVcpu += resource.CpuCount;
                mappedStorage += resource.StorageGib;
            }
        }

        return new MappingCoverage(vms, mappedVms, vcpu, mappedVcpu, storage, mappedStorage);
    }
}
