namespace Sourcing.Collector.Inventory;

/// <summary>
/// A VM's past days of CPU and memory use as the vCenter's kept statistics give them: one figure a day
/// per VM (the day's highest 2-hour average, see <c>ViJsonStatistics.DailyMax</c>). Kept compact,
/// hundredths of a percent in a short (-1: no value that day), because 50,000 VMs × 30 days are held
/// until the scan is stored: 8 bytes a day, about 12 MB for the whole estate.
/// </summary>
public sealed record VmUtilisationHistory(string ExternalId, IReadOnlyList<DailyUtilisation> Days);

/// <summary>One day of one VM: CPU and memory use in hundredths of a percent (4250 = 42.50 %), -1 when the day has no value.</summary>
public readonly record struct DailyUtilisation(DateOnly Day, short CpuHundredths, short MemoryHundredths)
{
    public decimal? CpuPercent => CpuHundredths < 0 ? null : CpuHundredths / 100m;

    public decimal? MemoryPercent => MemoryHundredths < 0 ? null : MemoryHundredths / 100m;
}
