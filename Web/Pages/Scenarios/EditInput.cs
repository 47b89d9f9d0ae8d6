using System.Globalization;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Web.Pages.Scenarios;

/// <summary>The edit form: basics, parameter values as typed, rules/hand moves to remove, one new rule and one new hand move.</summary>
public sealed class EditInput
{
    public string? Name { get; set; }
    public string? Owner { get; set; }
    public string? Description { get; set; }
    public int StartYear { get; set; }
    public int HorizonYears { get; set; }
    /// <summary>Values as typed in the request culture; empty means the default.</summary>
    public Dictionary<string, string?> Parameters { get; set; } = [];
    public List<int> RemoveRules { get; set; } = [];
    public List<int> RemoveHandMoves { get; set; } = [];
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
        };
    }
}
