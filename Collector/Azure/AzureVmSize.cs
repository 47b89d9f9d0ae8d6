namespace Sourcing.Collector.Azure;

/// <summary>vCPUs and memory of one Azure VM size.</summary>
public sealed record AzureVmSize(string Name, int VCpus, long MemoryMib);
