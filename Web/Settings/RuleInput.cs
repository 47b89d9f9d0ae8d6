using System.Globalization;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Web.Settings;

/// <summary>The gate rule form: one rule's label, source, condition and effect per destination.</summary>
public sealed class RuleInput
{
    /// <summary>The id of the rule being edited (empty for a new rule).</summary>
    public string? OriginalId { get; set; }
    /// <summary>The rule table version the form was opened on; a save on an older version is refused.</summary>
    public int BaseVersion { get; set; }
    public string? Id { get; set; }
    public string? Description { get; set; }
    public RuleBasis Basis { get; set; } = RuleBasis.Policy;
    public string? LawReference { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecidedOn { get; set; }
    public string? Source { get; set; }
    public string? SourceUrl { get; set; }
    public GateMatch Match { get; set; } = GateMatch.Any;
    public string? MinConfidentiality { get; set; }
    public string? MinIntegrity { get; set; }
    public string? MinAvailability { get; set; }
    public List<PersonalDataCategory> PersonalData { get; set; } = [];
    public string? SecurityClassified { get; set; }
    public string? MedicalDevice { get; set; }
    public string? RequiresOffline { get; set; }
    public List<AvailabilityNeed> AvailabilityNeeds { get; set; } = [];
    public List<LifecycleState> Lifecycle { get; set; } = [];
    public List<EffectInput> Effects { get; set; } = [];
    /// <summary>Why the rule changes; shown in the version history.</summary>
    public string? Note { get; set; }

    /// <summary>Blank effect rows the form offers for new effects.</summary>
    public const int BlankEffects = 3;

    public static RuleInput From(GateRule rule, int version) => new()
    {
        OriginalId = rule.Id,
        BaseVersion = version,
        Id = rule.Id,
        Description = rule.Description,
        Basis = rule.Basis,
        LawReference = rule.LawReference,
        DecidedBy = rule.DecidedBy,
        DecidedOn = rule.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Source = rule.Source,
        SourceUrl = rule.SourceUrl,
        Match = rule.Condition.Match,
        MinConfidentiality = rule.Condition.MinConfidentiality?.ToString(CultureInfo.InvariantCulture),
        MinIntegrity = rule.Condition.MinIntegrity?.ToString(CultureInfo.InvariantCulture),
        MinAvailability = rule.Condition.MinAvailability?.ToString(CultureInfo.InvariantCulture),
        PersonalData = [.. rule.Condition.PersonalData],
        SecurityClassified = Flag(rule.Condition.SecurityClassified),
        MedicalDevice = Flag(rule.Condition.MedicalDeviceDependency),
        RequiresOffline = Flag(rule.Condition.RequiresOffline),
        AvailabilityNeeds = [.. rule.Condition.AvailabilityNeeds],
        Lifecycle = [.. rule.Condition.Lifecycle],
        Effects = [.. rule.Effects.Select(e => new EffectInput
        {
            Destination = e.Destination,
            Effect = e.Effect.ToString(),
            Jurisdiction = e.Jurisdiction?.ToString() ?? "",
            Points = e.Points == 0 ? "" : e.Points.ToString("0.##", CultureInfo.GetCultureInfo("sv-SE")),
            Text = e.ConditionText,
        })],
    };

    /// <summary>The rule, or the Swedish messages (field key → text) saying what to correct.</summary>
    public (GateRule? Rule, Dictionary<string, string> Errors) ToRule()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var id = Id?.Trim() ?? "";
        if (id.Length == 0)
        {
            errors[nameof(Id)] = "Regel-id: ange ett kort id, till exempel K3.";
        }
        else if (id.Length > 40 || !id.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors[nameof(Id)] = "Regel-id: högst 40 tecken, bara bokstäver, siffror och bindestreck.";
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            errors[nameof(Description)] = "Beskrivning: beskriv vilka system regeln gäller.";
        }

        if (Basis == RuleBasis.Law && string.IsNullOrWhiteSpace(LawReference))
        {
            errors[nameof(LawReference)] = "Lagrum: en lagregel ska ange lag och paragraf, till exempel 10 kap. 2 a § OSL.";
        }

        DateOnly? decidedOn = null;
        if (!string.IsNullOrWhiteSpace(DecidedOn))
        {
            if (DateOnly.TryParseExact(DecidedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                decidedOn = date;
            }
            else
            {
                errors[nameof(DecidedOn)] = "Beslutsdatum: ange datumet som ÅÅÅÅ-MM-DD.";
            }
        }

        if (!string.IsNullOrWhiteSpace(SourceUrl)
            && !(Uri.TryCreate(SourceUrl.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors[nameof(SourceUrl)] = "Länk till källan: ange en fullständig adress som börjar med https://.";
        }

        var k = Level(MinConfidentiality, nameof(MinConfidentiality), "Konfidentialitet (K)", errors);
        var r = Level(MinIntegrity, nameof(MinIntegrity), "Riktighet (R)", errors);
        var t = Level(MinAvailability, nameof(MinAvailability), "Tillgänglighet (T)", errors);

        var effects = new List<GateRuleEffect>();
        for (var i = 0; i < Effects.Count; i++)
        {
            var e = Effects[i];
            if (string.IsNullOrEmpty(e.Effect))
            {
                continue;
            }

            var where = $"Effekt {i + 1} ({DestinationNames.SwedishLower(e.Destination)})";
            if (!Enum.TryParse<GateEffect>(e.Effect, out var effect) || !Enum.IsDefined(e.Destination))
            {
                errors[$"Effects[{i}].Effect"] = where + ": välj en effekt i listan.";
                continue;
            }

            Jurisdiction? jurisdiction = null;
            if (!string.IsNullOrEmpty(e.Jurisdiction))
            {
                if (!Enum.TryParse<Jurisdiction>(e.Jurisdiction, out var j))
                {
                    errors[$"Effects[{i}].Jurisdiction"] = where + ": välj vilka leverantörer effekten gäller.";
                    continue;
                }

                jurisdiction = j;
            }

            var points = 0.0;
            if (!string.IsNullOrWhiteSpace(e.Points))
            {
                var text = e.Points.Trim().Replace(" ", "", StringComparison.Ordinal);
                if (!(double.TryParse(text, NumberStyles.Float, CultureInfo.GetCultureInfo("sv-SE"), out points)
                      || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out points)))
                {
                    errors[$"Effects[{i}].Points"] = where + ": poängen ska vara ett tal mellan 0 och 100.";
                    continue;
                }

                if (points is < 0 or > 100)
                {
                    errors[$"Effects[{i}].Points"] = where + ": poängen ska vara mellan 0 och 100.";
                    continue;
                }
            }

            if (effect != GateEffect.Allowed && string.IsNullOrWhiteSpace(e.Text))
            {
                errors[$"Effects[{i}].Text"] = where + ": skriv villkoret eller skälet som visas vid bedömningen.";
                continue;
            }

            effects.Add(new GateRuleEffect(e.Destination, effect, e.Text?.Trim() ?? "", points, jurisdiction));
        }

        if (effects.Count == 0 && !errors.Keys.Any(key => key.StartsWith("Effects", StringComparison.Ordinal)))
        {
            errors["Effects"] = "Effekter: ange minst en effekt på ett alternativ.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var rule = new GateRule
        {
            Id = id,
            Description = Description!.Trim(),
            Basis = Basis,
            LawReference = Basis == RuleBasis.Law ? LawReference?.Trim() : null,
            DecidedBy = Basis == RuleBasis.Policy && !string.IsNullOrWhiteSpace(DecidedBy) ? DecidedBy.Trim() : null,
            DecidedOn = Basis == RuleBasis.Policy ? decidedOn : null,
            Source = Source?.Trim() ?? "",
            SourceUrl = string.IsNullOrWhiteSpace(SourceUrl) ? null : SourceUrl.Trim(),
            Condition = new GateCondition
            {
                Match = Match,
                MinConfidentiality = k,
                MinIntegrity = r,
                MinAvailability = t,
                PersonalData = [.. PersonalData.Distinct()],
                SecurityClassified = ReadFlag(SecurityClassified),
                MedicalDeviceDependency = ReadFlag(MedicalDevice),
                RequiresOffline = ReadFlag(RequiresOffline),
                AvailabilityNeeds = [.. AvailabilityNeeds.Distinct()],
                Lifecycle = [.. Lifecycle.Distinct()],
            },
            Effects = effects,
        };
        return (rule, errors);
    }

    /// <summary>The effect rows the form shows: the rule's effects and a few blank ones.</summary>
    public IReadOnlyList<EffectInput> EffectRows()
    {
        // Rows set to "no effect" are gone once the form is posted back; a few blank rows follow.
        var rows = Effects.Where(e => !string.IsNullOrEmpty(e.Effect)).ToList();
        var used = new HashSet<Destination>(rows.Select(e => e.Destination));
        var blanks = Enum.GetValues<Destination>().Where(d => !used.Contains(d)).Concat(Enum.GetValues<Destination>()).Take(BlankEffects);
        rows.AddRange(blanks.Select(d => new EffectInput { Destination = d }));
        return rows;
    }

    private static string Flag(bool? value) => value is null ? "" : value.Value ? "true" : "false";

    private static bool? ReadFlag(string? value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    private static int? Level(string? text, string key, string label, Dictionary<string, string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= 4)
        {
            return level;
        }

        errors[key] = label + ": välj en nivå mellan 0 och 4.";
        return null;
    }
}

/// <summary>One effect row of the rule form; an empty <see cref="Effect"/> means "no effect" (the row is ignored).</summary>
public sealed class EffectInput
{
    public Destination Destination { get; set; }
    public string? Effect { get; set; }
    public string? Jurisdiction { get; set; }
    public string? Points { get; set; }
    public string? Text { get; set; }
}
