using System.Globalization;

namespace Sourcing.Web;

/// <summary>
/// Formatting for pages, in the request's culture (sv-SE by default: "1 500", "2026-11-01 02:00", "12,5 mkr").
/// Times are stored in UTC and shown in Swedish time.
/// </summary>
public static class Display
{
    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Number(decimal value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);

    public static string Number(long? value) => value is { } v ? Number(v) : "–";

    /// <summary>
    /// A planning parameter's value (default, range, bounds) as every table shows it: thousands spaced
    /// ("42 000"), up to two decimals, years without a space ("2024").
    /// </summary>
    public static string Parameter(double value, string? unit) =>
        value.ToString(unit == "år" ? "0.##" : "#,0.##", CultureInfo.CurrentCulture);

    /// <summary>A share 0–1 as a whole percent, "63 %".</summary>
    public static string Percent(double share) => (share * 100).ToString("N0", CultureInfo.CurrentCulture) + " %";

    /// <summary>Million SEK with one decimal: 12 500 000 → "12,5 mkr".</summary>
    public static string Mkr(decimal sek) => (sek / 1_000_000m).ToString("N1", CultureInfo.CurrentCulture) + " mkr";

    /// <summary>
    /// A cost difference against continued own operation in words, never a bare sign: 1 400 000 → "1,4 mkr mer",
    /// −2 000 000 → "2,0 mkr mindre" (keys Decision.DiffMore / Decision.DiffLess).
    /// </summary>
    public static string MkrDifference(Microsoft.Extensions.Localization.IStringLocalizer text, double sek)
    {
        ArgumentNullException.ThrowIfNull(text);
        return sek >= 0 ? text["Decision.DiffMore", Mkr((decimal)sek)].Value : text["Decision.DiffLess", Mkr((decimal)-sek)].Value;
    }

    public static DateTime Local(DateTime utc) => Sourcing.Analyzer.SwedishTime.Local(utc);

    public static string Time(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTime? utc) => utc is { } t ? Time(t) : "–";

    /// <summary>
    /// A guest OS as the inventory shows it: a vendor's code (the configured guest id of a VM that is off,
    /// "WINDOWS_9_SERVER_64", "ubuntu") gets its readable name from the one OS parser, the code kept beside it; a
    /// name ("Microsoft Windows Server 2019 (64-bit)") is shown as it is. (Readable, Code): Code null when not a code.
    /// </summary>
    public static (string Readable, string? Code) GuestOs(string? guestOs)
    {
        if (string.IsNullOrWhiteSpace(guestOs))
        {
            return ("–", null);
        }

        var isCode = guestOs.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!isCode || Sourcing.Analyzer.Lifecycle.GuestOsParser.Parse(guestOs).Name is not { } name)
        {
            return (guestOs, null);
        }

        // "ubuntu" → "Ubuntu": the code adds nothing beside its own name.
        return (name, name.Equals(guestOs, StringComparison.OrdinalIgnoreCase) ? null : guestOs);
    }

    /// <summary>
    /// Who made a change, in Swedish for the product's own jobs: "mapping" (the nightly mapping) → "automatisk
    /// koppling", "import:objektregister.csv" → "import av objektregister.csv"; a person's name as it is.
    /// </summary>
    public static string Actor(Microsoft.Extensions.Localization.IStringLocalizer text, string? by)
    {
        ArgumentNullException.ThrowIfNull(text);
        return by switch
        {
            null or "" => "–",
            "mapping" => text["Actor.Mapping"].Value,
            _ when by.StartsWith("import:", StringComparison.Ordinal) => text["Actor.Import", by["import:".Length..]].Value,
            _ => by,
        };
    }

    /// <summary>How long something took, as a person says it: "4 s", "2 min 5 s", "1 h 3 min".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => Math.Max(0, (int)Math.Round(span.TotalSeconds)).ToString(CultureInfo.CurrentCulture) + " s",
        { TotalMinutes: < 60 } => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };

    public static string Date(DateTime utc) => Local(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 for &lt;time datetime="…"&gt;.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Text(string? value) => string.IsNullOrEmpty(value) ? "–" : value;
}
