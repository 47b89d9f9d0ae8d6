using Sourcing.Analyzer.Workloads;

namespace Sourcing.Collector.Workloads;

/// <summary>
/// One system as lists show it: its attributes (no servers loaded), how many VMs it has, the worst OS support among its
/// servers (null: no servers) and how many of its VMs run an unsupported OS.
/// </summary>
public sealed record WorkloadListEntry(Workload Workload, int VmCount, SupportStatus? WorstSupport, int UnsupportedVms = 0);
