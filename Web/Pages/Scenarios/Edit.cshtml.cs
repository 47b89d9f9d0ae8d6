using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Scenarios;

/// <summary>
/// Edits one stored scenario: basics, move rules, hand moves and parameter overrides. A save whose
/// hand move the gate blocks is refused with the gate rule named; the forecast below is recomputed
/// from what is stored.
/// </summary>
[Authorize(Policy = Policies.Sourcing)]
public sealed class EditModel(PlanningService planning, IStringLocalizer<SharedResource> text, ILogger<EditModel> logger) : PageModel
{
    public static IReadOnlyList<Destination> MoveDestinations { get; } =
        [Destination.InHouse, Destination.SwedishManaged, Destination.PublicCloud, Destination.Saas, Destination.Retire];

    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public Scenario Scenario { get; private set; } = null!;

    public ScenarioResult? Result { get; private set; }

    public Estate Estate { get; private set; } = new();

    public IReadOnlyList<PlanningSystem> Systems => Estate.Systems;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var stored = await planning.Store.GetAsync(Name, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        Scenario = stored.Scenario;
        Input = EditInput.From(Scenario);
        await ComputeAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var stored = await planning.Store.GetAsync(Name, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        Scenario = stored.Scenario;
        Estate = await planning.EstateAsync(cancellationToken);
        var errors = new List<string>();
        var updated = Build(stored.Scenario, errors);
        if (errors.Count == 0)
        {
            // The same checks as the scenario file: plausible parameters, waves within the horizon, text lengths.
            errors.AddRange(ScenarioChecks.Problems(updated).Select(p => p.StartsWith("parameters.", StringComparison.Ordinal) ? p["parameters.".Length..] : p));
        }

        if (errors.Count == 0)
        {
            try
            {
                var prices = await planning.PricesAsync(updated, cancellationToken);
                var result = PlanningService.Run(updated, Estate, prices, complete: false);
                // A refused hand move is not saved: the person asked for something the gate forbids.
                errors.AddRange(result.Plan.Issues
                    .Where(i => i.Kind == PlanIssueKind.Refused || (i.Kind == PlanIssueKind.Error && i.Origin == PlanCompiler.HandOrigin))
                    .Select(i => i.GateRule is { } rule ? text["Edit.Refused", i.SystemName ?? "", DestinationNames.Swedish(i.Destination ?? Destination.InHouse), rule].Value : i.Message));
            }
            catch (ArgumentException e)
            {
                errors.Add(e.Message);
            }
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Result = SafeRun(Scenario, Estate, await planning.PricesAsync(Scenario, cancellationToken));
            return Page();
        }

        if (updated.Name != Name && await planning.Store.GetAsync(updated.Name, cancellationToken) is not null)
        {
            Errors = [text["Scenarios.NameTaken", updated.Name].Value];
            Result = SafeRun(Scenario, Estate, await planning.PricesAsync(Scenario, cancellationToken));
            return Page();
        }

        await planning.Store.SaveAsync(updated, cancellationToken);
        if (updated.Name != Name)
        {
            await planning.Store.DeleteAsync(Name, cancellationToken);
            if (stored.Summary.ChosenForLeadership)
            {
                await planning.Store.ChooseForLeadershipAsync(updated.Name, cancellationToken);
            }
        }

        logger.LogInformation("User {User} saved scenario {Scenario}", User.Identity?.Name, updated.Name);
        TempData["Message"] = text["Edit.Saved", updated.Name].Value;
        return RedirectToPage(new { name = updated.Name });
    }

    public string SystemName(long id) => Systems.FirstOrDefault(s => s.Id == id)?.Name ?? "#" + id.ToString(CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    private async Task ComputeAsync(CancellationToken cancellationToken)
    {
        Estate = await planning.EstateAsync(cancellationToken);
        Result = SafeRun(Scenario, Estate, await planning.PricesAsync(Scenario, cancellationToken));
    }

    private ScenarioResult? SafeRun(Scenario scenario, Estate estate, CloudPriceTable? prices)
    {
        try
        {
            return PlanningService.Run(scenario, estate, prices);
        }
        catch (ArgumentException e)
        {
            // A stored scenario with a zero divisor (imported file): show why instead of failing the page.
            Errors = [.. Errors, e.Message];
            return null;
        }
    }

    private Scenario Build(Scenario current, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            errors.Add(text["Scenarios.NameRequired"]);
        }

        if (Input.HorizonYears is < Scenario.MinHorizon or > Scenario.MaxHorizon)
        {
            errors.Add(text["Edit.HorizonRange", Scenario.MinHorizon, Scenario.MaxHorizon]);
        }

        if (Input.StartYear is < 2000 or > 2100)
        {
            errors.Add(text["Edit.StartYearRange"]);
        }

        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var parameter in PlanningDefaults.All)
        {
            var raw = Input.Parameters.GetValueOrDefault(parameter.Key)?.Trim();
            if (string.IsNullOrEmpty(raw))
            {
                continue;
            }

            if (!double.TryParse(raw.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.CurrentCulture, out var value)
                || !double.IsFinite(value))
            {
                errors.Add(text["Edit.BadNumber", parameter.Label, raw]);
                continue;
            }

            if (value != parameter.Value)
            {
                parameters[parameter.Key] = value;
            }
        }

        var rules = current.Rules.Where((_, i) => !Input.RemoveRules.Contains(i)).ToList();
        if (!string.IsNullOrWhiteSpace(Input.NewRuleName))
        {
            if (Input.NewRuleYear is not { } year)
            {
                errors.Add(text["Edit.RuleNeedsYear"]);
            }
            else
            {
                rules.Add(new MoveRule
                {
                    Name = Input.NewRuleName.Trim(),
                    Destination = Input.NewRuleDestination,
                    Waves = [new Wave(year, Input.NewRuleQuarter)],
                    Filter = new SystemFilter
                    {
                        RecommendedIn = Input.NewRuleRecommendedIn.Count > 0 ? Input.NewRuleRecommendedIn : null,
                        OsOutOfSupport = Input.NewRuleOsOutOfSupport ? true : null,
                        Departments = string.IsNullOrWhiteSpace(Input.NewRuleDepartment) ? null : [Input.NewRuleDepartment.Trim()],
                        MaxConfidentiality = Input.NewRuleMaxK,
                    },
                });
            }
        }

        var hands = current.HandMoves.Where((_, i) => !Input.RemoveHandMoves.Contains(i)).ToList();
        if (Input.NewHandSystemId is { } systemId)
        {
            if (Input.NewHandYear is not { } year)
            {
                errors.Add(text["Edit.HandNeedsYear"]);
            }
            else
            {
                hands.RemoveAll(h => h.SystemId == systemId);
                hands.Add(new HandMove { SystemId = systemId, Destination = Input.NewHandDestination, Wave = new Wave(year, Input.NewHandQuarter) });
            }
        }

        return current with
        {
            Name = Input.Name?.Trim() ?? "",
            Owner = Input.Owner?.Trim() ?? "",
            Description = Input.Description?.Trim() ?? "",
            StartYear = Input.StartYear,
            HorizonYears = Input.HorizonYears,
            Parameters = parameters,
            Rules = rules,
            HandMoves = hands,
        };
    }
}
