using System.Globalization;

namespace Sourcing.Collector.Imports;

/// <summary>
/// Turns a register cell into the stored text of its attribute, or says what was expected. Words are
/// accepted in Swedish and English, case-insensitively.
/// </summary>
internal static class SystemRegisterValues
{
    private static readonly Dictionary<string, string> YesNo = Words(
        ("true", ["ja", "j", "yes", "y", "true", "sant", "x"]),
        ("false", ["nej", "n", "no", "false", "falskt"]));

    private static readonly Dictionary<string, string> PersonalData = Words(
        ("none", ["inga", "ingen", "none", "nej", "no"]),
        ("ordinary", ["vanliga", "vanliga personuppgifter", "ordinary", "ordinary personal data"]),
        ("sensitive", ["känsliga", "känsliga personuppgifter", "sensitive", "sensitive personal data"]),
        ("patient_health", ["patientdata", "patient- och hälsodata", "patient och hälsodata", "hälsodata", "patient", "patient health", "health"]),
        ("unknown", ["okänt", "okänd", "unknown"]));

    private static readonly Dictionary<string, string> AvailabilityNeed = Words(
        ("office_hours", ["kontorstid", "office hours"]),
        ("extended", ["utökad", "utökad tid", "extended", "extended hours"]),
        ("twenty_four_seven", ["dygnet runt", "24/7", "24x7", "24*7", "24 7", "around the clock"]),
        ("unknown", ["okänt", "okänd", "unknown"]));

    private static readonly Dictionary<string, string> Saas = Words(
        ("yes", ["ja", "yes"]),
        ("no", ["nej", "no"]),
        ("unknown", ["okänt", "vet ej", "unknown"]));

    private static readonly Dictionary<string, string> Lifecycle = Words(
        ("in_use", ["i bruk", "används", "in use"]),
        ("being_replaced", ["ersätts", "under ersättning", "being replaced"]),
        ("to_be_retired", ["avvecklas", "ska avvecklas", "to be retired", "retire"]));

    /// <summary>A register's free-text field (owner, description, supplier): a paragraph, not a document.</summary>
    public const int MaxTextChars = 2000;

    /// <summary>A system's name as people write it in a register; the longest in the region's seed is under 60.</summary>
    public const int MaxNameChars = 200;

    /// <summary>Expected is null when the text is valid; Value is then the stored text.</summary>
    public static (string? Value, string? Expected) Parse(RegisterValueKind kind, string text, IReadOnlyDictionary<string, string> departments)
    {
        var key = string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        switch (kind)
        {
            case RegisterValueKind.Text:
                return text.Trim().Length <= MaxTextChars ? (text.Trim(), null) : (null, $"text med högst {MaxTextChars} tecken (cellen har {text.Trim().Length})");
            case RegisterValueKind.Level:
                return double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= 4 && level == Math.Floor(level)
                    ? (((int)level).ToString(CultureInfo.InvariantCulture), null)
                    : (null, "en nivå 0–4");
            case RegisterValueKind.Count:
                return double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var count) && count is >= 0 and <= int.MaxValue && count == Math.Floor(count)
                    ? (((int)count).ToString(CultureInfo.InvariantCulture), null)
                    : (null, "ett heltal 0 eller större");
            case RegisterValueKind.Amount:
                var digits = key.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace(',', '.');
                return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount is >= 0 and < 10_000_000_000
                    ? (Math.Round(amount).ToString(CultureInfo.InvariantCulture), null)
                    : (null, "ett belopp i kronor per år, 0–9 999 999 999");
            case RegisterValueKind.Date:
                return DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, "ett datum ÅÅÅÅ-MM-DD, t.ex. 2027-12-31");
            case RegisterValueKind.Department:
                return departments.TryGetValue(key, out var department)
                    ? (department, null)
                    : (null, "en av förvaltningarna " + string.Join(", ", departments.Values.Distinct().Order(StringComparer.Ordinal)));
            case RegisterValueKind.YesNo:
                return Lookup(YesNo, key, "ja, nej, yes eller no");
            case RegisterValueKind.PersonalData:
                return Lookup(PersonalData, key, "inga, vanliga, känsliga eller patientdata (none, ordinary, sensitive, patient)");
            case RegisterValueKind.AvailabilityNeed:
                return Lookup(AvailabilityNeed, key, "kontorstid, utökad eller dygnet runt (office hours, extended, 24/7)");
            case RegisterValueKind.Saas:
                return Lookup(Saas, key, "ja, nej eller okänt (yes, no, unknown)");
            case RegisterValueKind.Lifecycle:
                return Lookup(Lifecycle, key, "i bruk, ersätts eller avvecklas (in use, being replaced, to be retired)");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static (string?, string?) Lookup(Dictionary<string, string> words, string key, string expected) =>
        words.TryGetValue(key, out var value) ? (value, null) : (null, expected);

    private static Dictionary<string, string> Words(params (string Value, string[] Words)[] groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (value, words) in groups)
        {
            foreach (var word in words)
            {
                map[word] = value;
            }
        }

        return map;
    }
}
