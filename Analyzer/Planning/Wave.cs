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

    /// <summary>
    /// "2027" or "2027 kv. 2": the quarter spelled "kv.", never "K2", which in this product is a confidentiality
    /// class (a wave "2027 K3 → Publikt moln" reads as K3 data going to a public cloud).
    /// </summary>
    public override string ToString() => Quarter is { } q ? $"{Year} kv. {q}" : Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads what <see cref="ToString"/> writes: "2027" or "2027 kv. 2" (also "2027 kvartal 2", "2027 K2", "2027 Q2", "2027-2").</summary>
    public static bool TryParse(string? text, out Wave wave)
    {
        wave = new Wave(0);
        var compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
            .Replace("KVARTAL", "K", StringComparison.Ordinal).Replace("KV.", "K", StringComparison.Ordinal).Replace("KV", "K", StringComparison.Ordinal);
        var parts = compact.Split(['K', 'Q', '-'], 2);
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        int? quarter = null;
        if (parts.Length == 2)
        {
            if (!int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var q))
            {
                return false;
            }

            quarter = q;
        }

        wave = new Wave(year, quarter);
        return true;
    }

    /// <summary>Several waves separated by commas or semicolons, as the scenario page shows them; false if one cannot be read.</summary>
    public static bool TryParseList(string? text, out IReadOnlyList<Wave> waves)
    {
        var list = new List<Wave>();
        waves = list;
        foreach (var part in (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var wave))
            {
                return false;
            }

            list.Add(wave);
        }

        return true;
    }
}
