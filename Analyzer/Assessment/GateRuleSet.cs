using System.Text.Json;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The hosting rule table as data: each region's lawyers and security officer decide it, so it is
/// stored as JSON, versioned, and edited without a release. <see cref="Default"/> is the table in
/// the domain brief ("Rules the analysis must respect"), each rule with its source text.
/// </summary>
public sealed record GateRuleSet
{
    public required int Version { get; init; }
    public required IReadOnlyList<GateRule> Rules { get; init; }

    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? AssessmentJson.Indented : AssessmentJson.Options);

    public static GateRuleSet FromJson(string json)
    {
        var set = JsonSerializer.Deserialize<GateRuleSet>(json, AssessmentJson.Options)
            ?? throw new JsonException("Empty rule set.");
        var duplicate = set.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new JsonException($"Rule id {duplicate.Key} appears twice.");
        }

        return set;
    }

    /// <summary>What is wrong with the table, in Swedish (empty when it can be saved).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Rules is null)
        {
            problems.Add("Regeltabellen saknar regler.");
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in Rules)
        {
            if (rule is null || rule.Condition is null || rule.Effects is null || rule.Effects.Any(e => e is null))
            {
                problems.Add("En regel är ofullständig: id, beskrivning, villkor och effekter krävs.");
                continue;
            }

            var name = string.IsNullOrWhiteSpace(rule.Id) ? "(utan id)" : rule.Id;
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                problems.Add("Varje regel behöver ett id.");
            }
            else if (!seen.Add(rule.Id.Trim()))
            {
                problems.Add($"Regel-id {rule.Id} finns två gånger.");
            }

            if (string.IsNullOrWhiteSpace(rule.Description))
            {
                problems.Add($"Regel {name}: beskrivningen saknas.");
            }

            if (rule.Basis == RuleBasis.Law && string.IsNullOrWhiteSpace(rule.LawReference))
            {
                problems.Add($"Regel {name}: en lagregel ska ange lagrum (paragraf).");
            }

            if (rule.SourceUrl is { Length: > 0 } url
                && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                problems.Add($"Regel {name}: länken till källan måste börja med https://.");
            }

            foreach (var effect in rule.Effects)
            {
                if (!Enum.IsDefined(effect.Destination) || !Enum.IsDefined(effect.Effect))
                {
                    problems.Add($"Regel {name}: okänt alternativ eller okänd effekt.");
                }
                else if (effect.Effect != GateEffect.Allowed && string.IsNullOrWhiteSpace(effect.ConditionText))
                {
                    problems.Add($"Regel {name}: {DestinationNames.SwedishLower(effect.Destination)} saknar text som förklarar villkoret eller skälet.");
                }

                if (effect.Points is < 0 or > 100 || double.IsNaN(effect.Points))
                {
                    problems.Add($"Regel {name}: poängen ska vara mellan 0 och 100.");
                }
            }
        }

        return problems;
    }

    private const string OslReference = "10 kap. 2 a § offentlighets- och sekretesslagen (2009:400)";
    private const string OslUrl = "https://lagen.nu/2009:400#K10P2a";
    // Säkerhetsskyddsavtal were in 2 kap. 6 § of the law as enacted (2019); the amendments in force on
    // 1 December 2021 (prop. 2020/21:194) moved them to 4 kap. 1 § and added the special assessment,
    // the suitability test and consultation with the supervisory authority in the same chapter.
    // Säkerhetspolisen cites 4 kap. 1 § (sakerhetspolisen.se, "Säkerhetsskydd vid upphandlingar och
    // samarbeten"). lagen.nu still shows the 2019 text, so the link goes to Riksdagen's current text.
    private const string SakerhetsskyddReference = "4 kap. 1 § säkerhetsskyddslagen (2018:585), i lydelse från 1 december 2021";
    private const string SakerhetsskyddUrl = "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/sakerhetsskyddslag-2018585_sfs-2018-585/";
    private const string SkrCloudUrl = "https://skr.se/naringslivarbetedigitalisering/digitalisering/arkitektursakerhet/molntjanster.7559.html";

    private const string K2Condition =
        "Dokumenterad lämplighetsbedömning enligt 10 kap. 2 a § OSL, kundhållna krypteringsnycklar och juridiskt godkännande. Rekommenderas inte som standard.";

    private const string K3Condition =
        "Dokumenterad lämplighetsbedömning enligt 10 kap. 2 a § OSL (utlämnande till tjänsteleverantör för teknisk bearbetning eller lagring är tillåtet om det inte är olämpligt), tystnadsplikt enligt lag (2020:914) och personuppgiftsbiträdesavtal.";

    private const string K3SwedishCondition =
        "Svensk jurisdiktion, säkerhetsprövad personal, data lagras i Sverige och beredskapsklausuler i avtalet.";

    private const string K3PolicyBlock =
        "Regionens policy: patient- och hälsodata och känsliga personuppgifter lämnas inte till en leverantör under utomeuropeisk jurisdiktion. Lagen kräver en lämplighetsbedömning, inte ett förbud; regionen kan ändra policyn.";

    private const string K4Condition =
        "Säkerhetsskyddad upphandling: säkerhetsskyddsavtal, särskild säkerhetsskyddsbedömning och samråd med tillsynsmyndigheten innan avtalet ingås.";

    private const string K4NonEu =
        "Blockerad: en leverantör under utomeuropeisk jurisdiktion kan inte uppfylla säkerhetsskyddet.";

    private const string K4PolicyBlock =
        "Regionens policy: säkerhetskänslig verksamhet drivs i egen regi. Lagen tillåter utkontraktering med säkerhetsskyddsavtal, särskild säkerhetsskyddsbedömning och samråd; regionen kan ändra policyn.";

    private const string PenaltyT =
        "Beroende av internetförbindelse och extern driftmiljö – avdrag i poängen.";

    /// <summary>
    /// The table in the domain brief, with each rule labelled law or policy. Where the brief's
    /// table mixes the two, the rule is split: what the law requires (a suitability assessment,
    /// a säkerhetsskyddsavtal) is a law rule, and the region's stricter default (no patient data
    /// to a supplier under non-EU jurisdiction, säkerhetsskydd only in-house) is a policy rule the
    /// region may change. Policy rules carry no decision until the region records one.
    /// </summary>
    public static GateRuleSet Default { get; } = new()
    {
        Version = 1,
        Rules =
        [
            new GateRule
            {
                Id = "K2",
                Description = "K2, vanliga personuppgifter eller sekretess med rakt skaderekvisit",
                Basis = RuleBasis.Law,
                LawReference = OslReference,
                Source = "Sekretessbelagda uppgifter får lämnas till en tjänsteleverantör som bara tekniskt bearbetar eller lagrar dem, om det inte är olämpligt (prop. 2022/23:97, i kraft 1 juli 2023). eSam och SKR ger stöd för lämplighetsbedömningen.",
                SourceUrl = OslUrl,
                Condition = new GateCondition { MinConfidentiality = 2, PersonalData = [PersonalDataCategory.Ordinary] },
                Effects =
                [
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Conditional, K2Condition, 10, Jurisdiction.NonEu),
                    new GateRuleEffect(Destination.Saas, GateEffect.Conditional, K2Condition, 10, Jurisdiction.NonEu),
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Conditional, K2Condition, 10, Jurisdiction.NonEu),
                ],
            },
            new GateRule
            {
                Id = "K3-POLICY",
                Description = "K3, patient- och hälsodata eller känsliga personuppgifter – inte till leverantör under utomeuropeisk jurisdiktion",
                Basis = RuleBasis.Policy,
                Source = "Regionens eget val, stängare än lagen. SKR: all molnanvändning kräver analys, riskbedömning och beslut; sekretessbelagda uppgifter kan och bör undantas om tjänsten inte uppfyller kraven.",
                SourceUrl = SkrCloudUrl,
                Condition = new GateCondition
                {
                    MinConfidentiality = 3,
                    PersonalData = [PersonalDataCategory.Sensitive, PersonalDataCategory.PatientHealth],
                },
                Effects =
                [
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Blocked, K3PolicyBlock, 0, Jurisdiction.NonEu),
                    new GateRuleEffect(Destination.Saas, GateEffect.Blocked, K3PolicyBlock, 0, Jurisdiction.NonEu),
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Blocked, K3PolicyBlock, 0, Jurisdiction.NonEu),
                    new GateRuleEffect(Destination.InHouse, GateEffect.Preferred, "Egen regi är standard för journal- och vårdsystem.", 5),
                ],
            },
            new GateRule
            {
                Id = "K3",
                Description = "K3, patient- och hälsodata (25 kap. 1 § OSL) eller känsliga personuppgifter",
                Basis = RuleBasis.Law,
                LawReference = OslReference,
                Source = "Hälso- och sjukvårdssekretess gäller med omvänt skaderekvisit (25 kap. 1 § OSL). Utlämnande till en tjänsteleverantör för teknisk bearbetning eller lagring är tillåtet om det inte är olämpligt; leverantören har tystnadsplikt enligt lag (2020:914).",
                SourceUrl = OslUrl,
                Condition = new GateCondition
                {
                    MinConfidentiality = 3,
                    PersonalData = [PersonalDataCategory.Sensitive, PersonalDataCategory.PatientHealth],
                },
                Effects =
                [
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Conditional, K3Condition, 5),
                    new GateRuleEffect(Destination.Saas, GateEffect.Conditional, K3Condition, 5),
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Conditional, K3SwedishCondition, 5),
                ],
            },
            new GateRule
            {
                Id = "K4-POLICY",
                Description = "K4 eller säkerhetsskyddsklassificerade uppgifter – drivs i egen regi",
                Basis = RuleBasis.Policy,
                Source = "Regionens eget val, stängare än lagen: säkerhetsskyddslagen tillåter utkontraktering av säkerhetskänslig verksamhet med säkerhetsskyddsavtal, särskild säkerhetsskyddsbedömning och samråd med tillsynsmyndigheten.",
                SourceUrl = SakerhetsskyddUrl,
                Condition = new GateCondition { MinConfidentiality = 4, SecurityClassified = true },
                Effects =
                [
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Blocked, K4PolicyBlock),
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Blocked, K4PolicyBlock),
                    new GateRuleEffect(Destination.Saas, GateEffect.Blocked, K4PolicyBlock),
                ],
            },
            new GateRule
            {
                Id = "K4",
                Description = "K4 eller säkerhetsskyddsklassificerade uppgifter",
                Basis = RuleBasis.Law,
                LawReference = SakerhetsskyddReference,
                Source = "Den som låter en leverantör få tillgång till säkerhetskänslig verksamhet ska ingå säkerhetsskyddsavtal (4 kap. 1 §; före 1 december 2021 var det 2 kap. 6 §), göra en särskild säkerhetsskyddsbedömning och lämplighetsprövning och i vissa fall samråda med tillsynsmyndigheten (4 kap., ändringar enligt prop. 2020/21:194). Paragrafhänvisningen är kontrollerad mot Säkerhetspolisens vägledning, inte mot lagtexten själv: regionens jurist bör bekräfta den innan regeln används i ett beslut.",
                SourceUrl = SakerhetsskyddUrl,
                Condition = new GateCondition { MinConfidentiality = 4, SecurityClassified = true },
                Effects =
                [
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Blocked, K4NonEu, 0, Jurisdiction.NonEu),
                    new GateRuleEffect(Destination.Saas, GateEffect.Blocked, K4NonEu, 0, Jurisdiction.NonEu),
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Blocked, K4NonEu, 0, Jurisdiction.NonEu),
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Conditional, K4Condition),
                    new GateRuleEffect(Destination.Saas, GateEffect.Conditional, K4Condition),
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Conditional, K4Condition),
                    new GateRuleEffect(Destination.InHouse, GateEffect.Preferred, "Egen regi kräver ingen säkerhetsskyddad upphandling.", 20),
                ],
            },
            new GateRule
            {
                Id = "T3",
                Description = "T3–T4, beroende av medicinteknisk utrustning eller måste fungera utan internet",
                Basis = RuleBasis.Policy,
                Source = "Regionens eget val: system som måste fungera vid avbrott i internetförbindelsen eller nära medicinteknisk utrustning (IEC 80001-1 lägger riskhanteringen på vårdgivaren) drivs helst lokalt.",
                Condition = new GateCondition { MinAvailability = 3, MedicalDeviceDependency = true, RequiresOffline = true },
                Effects =
                [
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Penalty, PenaltyT, 20),
                    new GateRuleEffect(Destination.Saas, GateEffect.Penalty, PenaltyT, 20),
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Conditional,
                        "Lokal redundans: lokalt eller regionalt datacenter med redundant förbindelse."),
                    new GateRuleEffect(Destination.InHouse, GateEffect.Preferred, "Egen regi föredras (eller lokal drift nära utrustningen).", 10),
                ],
            },
            new GateRule
            {
                Id = "L1",
                Description = "Systemet är i bruk – avveckling kräver verksamhetens beslut",
                Basis = RuleBasis.Policy,
                Source = "Regionens eget val: att avveckla ett system som används kräver att verksamheten beslutar att det inte längre behövs eller ersätts. Ett system som håller på att ersättas eller ska avvecklas får avvecklas direkt.",
                Condition = new GateCondition { Lifecycle = [LifecycleState.InUse] },
                Effects =
                [
                    new GateRuleEffect(Destination.Retire, GateEffect.Conditional,
                        "Verksamheten beslutar att systemet inte längre behövs eller ersätts av ett annat."),
                ],
            },
        ],
    };
}
