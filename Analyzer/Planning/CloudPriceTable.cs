namespace Sourcing.Analyzer.Planning;

/// <summary>
/// A dated cloud price list. Prices change, so a scenario keeps the list it was computed with and
/// the date and source travel with it; the region replaces it with its own or fetched prices.
/// </summary>
public sealed record CloudPriceTable
{
    public required DateOnly AsOf { get; init; }
    public required string Source { get; init; }
    public string Region { get; init; } = "swedencentral";
    public required IReadOnlyList<CloudPrice> Rows { get; init; }
    /// <summary>The currency rate the SEK prices were converted at, and its date.</summary>
    public double SekPerUsd { get; init; } = 10;
    public DateOnly? RateDate { get; init; }
    /// <summary>Managed disk (Standard SSD), SEK per GiB and month.</summary>
    public double DiskSekPerGibMonth { get; init; } = 0.8;
    /// <summary>Azure Backup per protected server and month, SEK (instance fee, storage included at ~50 GiB).</summary>
    public double BackupSekPerVmMonth { get; init; } = 100;
    /// <summary>Monitoring (Azure Monitor / Log Analytics) per running server and month, SEK.</summary>
    public double MonitoringSekPerVmMonth { get; init; } = 50;

    // Illustrative pay-as-you-go list prices (not Sweden Central; research/domain.md §2.2) at
    // 730 h/month and 10 SEK/USD. Shipped so that a forecast works before real prices exist.
    private const double HoursPerMonth = 730;
    private const double DefaultSekPerUsd = 10;

    public static CloudPriceTable Default { get; } = new()
    {
        AsOf = new DateOnly(2026, 1, 1),
        Source = "Illustrativa listpriser (learningbro.com och Microsofts prislista för D2s/D8s/E4s v5, ej Sweden Central), 730 h/mån, 10 kr/USD (avrundad kurs). Diskar 0,8 kr/GiB/mån (Standard SSD), backup 100 kr och övervakning 50 kr per server och månad. Ersätt med Azure Retail Prices API (armRegionName eq 'swedencentral') eller regionens avtalspriser.",
        RateDate = new DateOnly(2026, 1, 1),
        Rows =
        [
            new("B2s", 2, 4, false, Math.Round(0.05 * HoursPerMonth * DefaultSekPerUsd)),
            new("B2s", 2, 4, true, Math.Round(0.10 * HoursPerMonth * DefaultSekPerUsd)),
            new("D2s_v5", 2, 8, false, Math.Round(0.096 * HoursPerMonth * DefaultSekPerUsd)),
            new("D2s_v5", 2, 8, true, Math.Round(0.188 * HoursPerMonth * DefaultSekPerUsd)),
            new("E4s_v5", 4, 32, false, Math.Round(0.252 * HoursPerMonth * DefaultSekPerUsd)),
            new("E4s_v5", 4, 32, true, Math.Round(0.436 * HoursPerMonth * DefaultSekPerUsd)),
            new("D8s_v5", 8, 32, false, Math.Round(0.384 * HoursPerMonth * DefaultSekPerUsd)),
            new("D8s_v5", 8, 32, true, Math.Round(0.752 * HoursPerMonth * DefaultSekPerUsd)),
            new("D4s_v5", 4, 16, false, Math.Round(0.19 * HoursPerMonth * DefaultSekPerUsd)),
            new("D4s_v5", 4, 16, true, Math.Round(0.37 * HoursPerMonth * DefaultSekPerUsd)),
            new("E8s_v5", 8, 64, false, Math.Round(0.50 * HoursPerMonth * DefaultSekPerUsd)),
            new("E8s_v5", 8, 64, true, Math.Round(0.84 * HoursPerMonth * DefaultSekPerUsd)),
        ],
    };

    /// <summary>
    /// The monthly price of a server of this shape: the cheapest row of the same OS that fits; a
    /// server larger than every row is priced as enough copies of the largest row.
    /// </summary>
    public double MonthlyPrice(VmShape shape)
    {
        CloudPrice? best = null;
        CloudPrice? largest = null;
        foreach (var row in Rows)
        {
            if (row.Windows != shape.Windows)
            {
                continue;
            }

            if (row.VCpu >= shape.VCpu && row.MemoryGib >= shape.MemoryGib && (best is null || row.SekPerMonth < best.SekPerMonth))
            {
                best = row;
            }

            if (largest is null || row.VCpu > largest.VCpu || (row.VCpu == largest.VCpu && row.MemoryGib > largest.MemoryGib))
            {
                largest = row;
            }
        }

        if (best is not null)
        {
            return best.SekPerMonth;
        }

        if (largest is null)
        {
            throw new InvalidOperationException($"Prislistan saknar rader för {(shape.Windows ? "Windows" : "Linux")}.");
        }

        var copies = Math.Ceiling(Math.Max((double)shape.VCpu / largest.VCpu, shape.MemoryGib / largest.MemoryGib));
        return copies * largest.SekPerMonth;
    }
}
