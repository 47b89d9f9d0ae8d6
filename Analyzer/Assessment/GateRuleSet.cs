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

    private const string TableSource = "domain.md, \"Rules the analysis must respect\" (derived from research/domain.md §3.7; a default, not legal advice)";

    private const string UsConditionK2 =
        "Dokumenterad lämplighetsbedömning enligt 10 kap. 2 a § OSL, kundhållna krypteringsnycklar och juridiskt godkännande. Rekommenderas inte som standard.";

    private const string UsBlockedK3 =
        "Blockerad som standard. Undantag endast genom uttryckligt beslut av regionens jurister och informationssäkerhetsansvarig.";

    private const string UsPenaltyT =
        "Beroende av internetförbindelse och utländsk kontroll – avdrag i poängen.";

    public static GateRuleSet Default { get; } = new()
    {
        Version = 1,
        Rules =
        [
            new GateRule
            {
                Id = "K2",
                Description = "K2, vanliga personuppgifter eller sekretess med rakt skaderekvisit",
                Source = TableSource + ": \"K2, ordinary personal data, secrecy with rakt skaderekvisit | US-owned public cloud / SaaS: conditional (documented suitability assessment, customer-held keys); not recommended by default | Swedish/EU-owned: allowed | in-house: allowed\"",
                Condition = new GateCondition { MinConfidentiality = 2, PersonalData = [PersonalDataCategory.Ordinary] },
                Effects =
                [
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Conditional, UsConditionK2, 10),
                    new GateRuleEffect(Destination.Saas, GateEffect.Conditional, UsConditionK2, 10),
                ],
            },
            new GateRule
            {
                Id = "K3",
                Description = "K3, patient- och hälsodata (25 kap. 1 § OSL) eller känsliga personuppgifter",
                Source = TableSource + ": \"K3, patient/health data (25:1 OSL), sensitive personal data | US-owned public cloud / SaaS: blocked by default | Swedish/EU-owned: conditional | in-house: allowed, default\"",
                Condition = new GateCondition
                {
                    MinConfidentiality = 3,
                    PersonalData = [PersonalDataCategory.Sensitive, PersonalDataCategory.PatientHealth],
                },
                Effects =
                [
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Blocked, UsBlockedK3),
                    new GateRuleEffect(Destination.Saas, GateEffect.Blocked, UsBlockedK3),
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Conditional,
                        "Svensk jurisdiktion, säkerhetsprövad personal, data lagras i Sverige och beredskapsklausuler i avtalet.", 5),
                    new GateRuleEffect(Destination.InHouse, GateEffect.Preferred, "Egen drift är standard för journal- och vårdsystem.", 5),
                ],
            },
            new GateRule
            {
                Id = "K4",
                Description = "K4 eller säkerhetsskyddsklassificerade uppgifter",
                Source = TableSource + ": \"K4 or security-classified (säkerhetsskydd) | US-owned: blocked | Swedish/EU-owned: blocked | in-house: required\"",
                Condition = new GateCondition { MinConfidentiality = 4, SecurityClassified = true },
                Effects =
                [
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Blocked, "Blockerad: säkerhetsskydd kräver egen drift."),
                    new GateRuleEffect(Destination.Saas, GateEffect.Blocked, "Blockerad: säkerhetsskydd kräver egen drift."),
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Blocked,
                        "Blockerad om inte säkerhetsskyddad upphandling med säkerhetsskyddsavtal genomförs."),
                    new GateRuleEffect(Destination.InHouse, GateEffect.Preferred, "Krävs: egen drift.", 20),
                ],
            },
            new GateRule
            {
                Id = "T3",
                Description = "T3–T4, beroende av medicinteknisk utrustning eller måste fungera utan internet",
                Source = TableSource + ": \"T3–T4, medical-device dependency, must work without internet | US-owned: penalised | Swedish/EU-owned: allowed with local redundancy | in-house: preferred\"",
                Condition = new GateCondition { MinAvailability = 3, MedicalDeviceDependency = true, RequiresOffline = true },
                Effects =
                [
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Penalty, UsPenaltyT, 20),
                    new GateRuleEffect(Destination.Saas, GateEffect.Penalty, UsPenaltyT, 20),
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Conditional,
                        "Lokal redundans: lokalt eller regionalt datacenter med redundant förbindelse."),
                    new GateRuleEffect(Destination.InHouse, GateEffect.Preferred, "Egen drift föredras (eller lokal drift nära utrustningen).", 10),
                ],
            },
            new GateRule
            {
                Id = "L1",
                Description = "Systemet är i bruk – avveckling kräver verksamhetens beslut",
                Source = "Sourcing's own default (not in domain.md): retiring hosts nothing anywhere, so no classification rule limits it, but a system in use can only be retired when the business decides it is no longer needed or replaced. Lifecycle 'being replaced' or 'to be retired' allows it outright.",
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
