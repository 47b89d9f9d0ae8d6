using System.Globalization;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Web.Pages.Scenarios;

/// <summary>
/// The edit form: basics, parameter values as typed, every existing rule, hand move, SaaS price and
/// people input edited in place (or removed), plus one new rule, hand move, SaaS price and role.
/// Numbers are kept as typed so that a refused value comes back as the person wrote it.
/// </summary>
public sealed class EditInput
{
    public string? Name { get; set; }
    public string? Owner { get; set; }
    public string? Description { get; set; }
    public int StartYear { get; set; }
    public int HorizonYears { get; set; }
    /// <summary>Values as typed in the request culture; empty means the default.</summary>
    public Dictionary<string, string?> Parameters { get; set; } = [];

    /// <summary>
    /// Set by the page's form: the existing rules, hand moves, SaaS prices and people inputs were posted
    /// and replace the stored ones. A post without it (a script, an older form) leaves them as stored.
    /// </summary>
    public bool InPlace { get; set; }
    public List<RuleInput> Rules { get; set; } = [];
    public List<HandInput> HandMoves { get; set; } = [];
    public List<int> RemoveRules { get; set; } = [];
    public List<int> RemoveHandMoves { get; set; } = [];
    /// <summary>Known SaaS prices by system id, kr/år as typed; empty removes the price.</summary>
    public Dictionary<long, string?> SaasPrices { get; set; } = [];
    public string? DriftFteToday { get; set; }
    public string? DevelopmentFteToday { get; set; }
    /// <summary>Target roles; a role whose name is emptied is removed.</summary>
    public List<RoleInput> Roles { get; set; } = [];

    public string? NewRuleName { get; set; }
    public Destination? NewRuleDestination { get; set; }
    public List<Destination> NewRuleRecommendedIn { get; set; } = [];
    public bool NewRuleOsOutOfSupport { get; set; }
    public string? NewRuleDepartment { get; set; }
    public int? NewRuleMaxK { get; set; }
    public int? NewRuleYear { get; set; }
    public int? NewRuleQuarter { get; set; }
    public long? NewHandSystemId { get; set; }
    public Destination NewHandDestination { get; set; } = Destination.SwedishManaged;
    public int? NewHandYear { get; set; }
    public int? NewHandQuarter { get; set; }
    public long? NewSaasSystemId { get; set; }
    public string? NewSaasPrice { get; set; }
    public string? NewRoleName { get; set; }
    public string? NewRoleShare { get; set; }

    public sealed class RuleInput
    {
        public string? Name { get; set; }
        public Destination? Destination { get; set; }
        /// <summary>"2027 kv. 2, 2028" as <see cref="Wave.ToString"/> writes them.</summary>
        public string? Waves { get; set; }
        public List<Destination> RecommendedIn { get; set; } = [];
        public bool OsOutOfSupport { get; set; }
        /// <summary>Förvaltningar, comma-separated.</summary>
        public string? Departments { get; set; }
        public int? MaxK { get; set; }
        /// <summary>Words in the system name, comma-separated.</summary>
        public string? NameContains { get; set; }
    }

    public sealed class HandInput
    {
        public Destination Destination { get; set; }
        public int? Year { get; set; }
        public int? Quarter { get; set; }
    }

    public sealed class RoleInput
    {
        public string? Role { get; set; }
        /// <summary>Percent as typed.</summary>
        public string? Share { get; set; }
    }

    public static EditInput From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var assumptions = PlanningAssumptions.ForScenario(scenario);
        return new EditInput
        {
            Name = scenario.Name,
            Owner = scenario.Owner,
            Description = scenario.Description,
            StartYear = scenario.StartYear,
            HorizonYears = scenario.HorizonYears,
            Parameters = PlanningDefaults.All.ToDictionary(p => p.Key, p => (string?)assumptions[p.Key].ToString("0.####", CultureInfo.CurrentCulture)),
            InPlace = true,
            Rules = [.. scenario.Rules.Select(r => new RuleInput
            {
                Name = r.Name,
                Destination = r.Destination,
                Waves = string.Join(", ", r.Waves.Select(w => w.ToString())),
                RecommendedIn = [.. r.Filter.RecommendedIn ?? []],
                OsOutOfSupport = r.Filter.OsOutOfSupport == true,
                Departments = r.Filter.Departments is { } d ? string.Join(", ", d) : null,
                MaxK = r.Filter.MaxConfidentiality,
                NameContains = r.Filter.NameContains is { } n ? string.Join(", ", n) : null,
            })],
            HandMoves = [.. scenario.HandMoves.Select(h => new HandInput { Destination = h.Destination, Year = h.Wave.Year, Quarter = h.Wave.Quarter })],
            SaasPrices = scenario.SaasPrices.ToDictionary(kv => kv.Key, kv => (string?)Number(kv.Value)),
            DriftFteToday = scenario.People.DriftFteToday is { } drift ? Number(drift) : null,
            DevelopmentFteToday = scenario.People.DevelopmentFteToday is { } dev ? Number(dev) : null,
            // Shown as the normalised percent the forecast uses, so the form always adds up to 100 %.
            Roles = [.. scenario.People.TargetRoles.Select(r => new RoleInput { Role = r.Role, Share = Number(Math.Round(RoleShareTotal(scenario) > 0 ? r.Share / RoleShareTotal(scenario) * 100 : 0, 2)) })],
        };
    }

    private static double RoleShareTotal(Scenario scenario) => scenario.People.TargetRoles.Sum(r => r.Share);

    public static string Number(double value) => value.ToString("0.####", CultureInfo.CurrentCulture);
}
