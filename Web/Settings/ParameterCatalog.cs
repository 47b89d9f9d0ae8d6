using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sourcing.Analyzer.Assessment;

namespace Sourcing.Web.Settings;

/// <summary>
/// The weights and effort parameters as people read them: a Swedish label, a unit, a range and a
/// source per value, and the reading and writing of a form's values into the versioned records.
/// The ranges are wide enough for any region's own figures and narrow enough to catch a typo
/// (a weight of 150 points on a 0–100 scale, 6 000 productive hours a year).
/// </summary>
public static class ParameterCatalog
{
    private const string Research = "Forskningsunderlaget för Sourcing föreslår vikten för faktorn (avsnitt om poängsättning); vikten är inte verifierad mot en källa och ska prövas av regionen.";
    private const string Own = "Sourcings eget standardvärde; inget externt underlag. Ändra efter regionens bedömning.";

    public static IReadOnlyList<ParameterField> Weights { get; } =
    [
        new(nameof(ScoringWeights.BaseScore), "Startpoäng för varje tillåtet alternativ", "poäng", 0, 100, Own),
        new(nameof(ScoringWeights.OsSupport), "Operativsystem utan support", "poäng", 0, 50, Research + " Föreslagen vikt 15 %."),
        new(nameof(ScoringWeights.InHouseBuilt), "Egenutvecklat system (talar emot SaaS)", "poäng", 0, 50, Research + " Föreslagen vikt 10 %."),
        new(nameof(ScoringWeights.SaasAvailable), "SaaS-version finns", "poäng", 0, 50, Research + " Föreslagen vikt 10 %."),
        new(nameof(ScoringWeights.Integrations), "Många integrationer (talar emot flytt)", "poäng", 0, 50, Research + " Föreslagen vikt 15 %."),
        new(nameof(ScoringWeights.MedicalDevice), "Medicinteknik, lokalt nät eller drift utan internet", "poäng", 0, 50, Research + " Föreslagen vikt 15 %."),
        new(nameof(ScoringWeights.TwentyFourSeven), "Behov dygnet runt", "poäng", 0, 50, Research + " Föreslagen vikt 10 %."),
        new(nameof(ScoringWeights.DataVolume), "Stor datamängd", "poäng", 0, 50, Research + " Föreslagen vikt 10 %."),
        new(nameof(ScoringWeights.OverProvisioning), "Överdimensionerade servrar", "poäng", 0, 50, Research + " Föreslagen vikt 5 %."),
        new(nameof(ScoringWeights.DriftEffort), "Driftinsats i dag", "poäng", 0, 50, Research + " Föreslagen vikt 10 %."),
        new(nameof(ScoringWeights.ContractWindow), "Avtal som snart löper ut", "poäng", 0, 50, Own),
        new(nameof(ScoringWeights.Lifecycle), "Livscykel (ersätts eller ska avvecklas)", "poäng", 0, 100, Own),
        new(nameof(ScoringWeights.ConditionalPenalty), "Avdrag för villkorat alternativ", "poäng", 0, 50, Own),
        new(nameof(ScoringWeights.IntegrationsFullEffect), "Antal integrationer som ger full effekt", "st", 1, 1_000, Own, WholeNumber: true),
        new(nameof(ScoringWeights.DataVolumeFullEffectGib), "Lagring som ger full effekt", "GiB", 1, 10_000_000, Own),
        new(nameof(ScoringWeights.DriftEffortFullEffectHours), "Driftinsats som ger full effekt", "timmar per år", 1, 100_000, Own + " 400 timmar är ungefär en kvarts årsarbetare."),
        new(nameof(ScoringWeights.ContractWindowMonths), "Avtalsfönster: avtal som löper ut inom", "månader", 0, 120, Own, WholeNumber: true),
    ];

    public static IReadOnlyList<ParameterField> Effort { get; } =
    [
        new(nameof(EffortParameters.VmsPerFte), "Virtuella servrar per driftårsarbetare", "VM per årsarbetare", 5, 1_000,
            "60 (spann 30–150). EMA: i snitt 77 VM per administratör; Gartner: 75–250 virtuella; IDC: 80 per administratör.",
            SourceUrl: "https://itbenchmark.wordpress.com/page/2/"),
        new(nameof(EffortParameters.PhysicalServersPerFte), "Fysiska servrar per driftårsarbetare", "servrar per årsarbetare", 1, 200,
            "15 (spann 10–30). META Group: de flesta 10–20 servrar per administratör, över 30 är underbemannat.",
            SourceUrl: "https://itbenchmark.wordpress.com/page/2/"),
        new(nameof(EffortParameters.ProductiveHoursPerFte), "Produktiva timmar per årsarbetare", "timmar per år", 800, 2_200,
            "1 600. Härlett: ca 1 770 timmar betald arbetstid minus sjukfrånvaro (ca 4 %) och utbildning och administration (ca 5 %).",
            SourceUrl: "https://lakartidningen.se/aktuellt/nyheter/2022/03/sjukfranvaron-sjonk-i-regionerna-forra-aret/"),
        new(nameof(EffortParameters.CloudResourceVmEquivalent), "Molnresurs som inte är en VM, i andel av en VM", "VM", 0, 2,
            "0,1. Sourcings antagande: plattformstjänster kräver ingen vård av operativsystem, bara konfiguration, behörigheter och kostnadsuppföljning."),
        new(nameof(EffortParameters.TwentyFourSevenMultiplier), "Påslag för beredskap dygnet runt", "gånger", 1, 3,
            "×1,3. Antagande i forskningsunderlaget, inte verifierat mot en källa."),
        new(nameof(EffortParameters.HeterogeneityMultiplier), "Påslag för flera olika operativsystem", "gånger", 1, 3,
            "×1,2. Antagande i forskningsunderlaget, inte verifierat mot en källa."),
        new(nameof(EffortParameters.UnsupportedOsMultiplier), "Påslag för operativsystem utan support", "gånger", 1, 3,
            "×1,2. Antagande i forskningsunderlaget, inte verifierat mot en källa; räknas separat från flera operativsystem."),
        new(nameof(EffortParameters.MedicalDeviceMultiplier), "Påslag nära medicinteknisk utrustning", "gånger", 1, 3,
            "×1,2. Antagande i forskningsunderlaget, inte verifierat mot en källa."),
        new(nameof(EffortParameters.StatedDriftFte), "Årsarbetare i serverdrift i dag (kalibrering)", "årsarbetare", 0, 1_000,
            "Regionens egen siffra. Modellen skalas så att summan stämmer; lämna tomt för att inte kalibrera.", Optional: true),
    ];

    /// <summary>The current values of a record's fields, keyed by property name.</summary>
    public static Dictionary<string, double?> Values<T>(T settings, IReadOnlyList<ParameterField> fields)
    {
        var json = JsonSerializer.SerializeToNode(settings, AssessmentJson.Options)!.AsObject();
        return fields.ToDictionary(f => f.Name, f => json[JsonName(f.Name)]?.GetValue<double>(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads the posted texts (Swedish or invariant decimals) into a new record, or lists what is
    /// wrong with each field in Swedish, naming the field and its range.
    /// </summary>
    public static (T? Result, Dictionary<string, string> Errors) Parse<T>(T current, IReadOnlyList<ParameterField> fields, IReadOnlyDictionary<string, string?> posted)
        where T : class
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = JsonSerializer.SerializeToNode(current, AssessmentJson.Options)!.AsObject();
        foreach (var field in fields)
        {
            var text = posted.TryGetValue(field.Name, out var t) ? t?.Trim() : null;
            if (string.IsNullOrEmpty(text))
            {
                if (field.Optional)
                {
                    json[JsonName(field.Name)] = null;
                }
                else
                {
                    errors[field.Name] = $"{field.Label}: ange ett värde mellan {Format(field.Min)} och {Format(field.Max)} {field.Unit}.";
                }

                continue;
            }

            if (!TryNumber(text, out var value))
            {
                errors[field.Name] = $"{field.Label}: ”{text}” är inte ett tal. Ange ett värde mellan {Format(field.Min)} och {Format(field.Max)} {field.Unit}.";
                continue;
            }

            if (value < field.Min || value > field.Max)
            {
                errors[field.Name] = $"{field.Label}: {Format(value)} ligger utanför det tillåtna intervallet {Format(field.Min)}–{Format(field.Max)} {field.Unit}.";
                continue;
            }

            if (field.WholeNumber && value != Math.Floor(value))
            {
                errors[field.Name] = $"{field.Label}: ange ett heltal.";
                continue;
            }

            json[JsonName(field.Name)] = field.WholeNumber ? JsonValue.Create((int)value) : JsonValue.Create(value);
        }

        return errors.Count > 0 ? (null, errors) : (json.Deserialize<T>(AssessmentJson.Options), errors);
    }

    public static string Format(double value) => value.ToString("#,0.###", CultureInfo.GetCultureInfo("sv-SE"));

    private static bool TryNumber(string text, out double value)
    {
        // Swedish first ("1,3", "1 600"), then invariant ("1.3").
        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        return double.TryParse(compact, NumberStyles.Float, CultureInfo.GetCultureInfo("sv-SE"), out value)
            || double.TryParse(compact, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static string JsonName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);
}
