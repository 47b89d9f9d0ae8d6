namespace Sourcing.Collector.Inventory;

/// <summary>A VM's CPU and memory use at scan time, in percent of what it is configured with (null: not known).</summary>
public sealed record VmUtilisation(decimal? CpuPercent, decimal? MemoryPercent);
