using System.Text.Json.Serialization;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// When a move takes effect. A year alone means from 1 January that year; with a quarter (1–4)
/// from the first day of that quarter. Effects in the first year are pro-rated by quarter.
/// </summary>
public sealed record Wave(int Year, int? Quarter = null)
{
    /// <summary>Share of the wave's year the system already runs at its destination.</summary>
    [JsonIgnore]
    public double FirstYearFraction => (5 - (Quarter ?? 1)) / 4.0;

    public override string ToString() => Quarter is { } q ? $"{Year} K{q}" : Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
