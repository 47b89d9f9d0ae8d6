namespace Sourcing.Analyzer.Planning;

/// <summary>
/// An in-house cluster as the cost model sees it: its hosts, cores, the vCPU and TiB running on it
/// today, and when its hardware is next refreshed. Built once when the plan is compiled.
/// </summary>
public sealed record PlatformCluster
{
    public required string Name { get; init; }
    /// <summary>Hosts listed in the estate; 0 for a cluster derived from vCPU (see <see cref="Derived"/>).</summary>
    public required int Hosts { get; init; }
    /// <summary>Cores per host; null uses the host-cores parameter.</summary>
    public double? CoresPerHost { get; init; }
    public int? RefreshYear { get; init; }
    /// <summary>Physical servers without a hypervisor: no virtualisation licence.</summary>
    public bool Physical { get; init; }
    /// <summary>No hosts were listed: the host count is derived from the vCPU at 4 vCPU per core.</summary>
    public bool Derived { get; init; }
    public double Vcpu { get; internal set; }
    public double Tib { get; internal set; }
}
