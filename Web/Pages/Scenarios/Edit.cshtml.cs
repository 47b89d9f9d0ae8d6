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
            errors.AddRange(ScenarioChecks.Check(updated, SystemName).Select(p => p.ForForm));
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
                    .Select(i => i.GateRule is { } rule ? text["Edit.Refused", i.SystemName ?? "", DestinationNames.SwedishLower(i.Destination ?? Destination.InHouse), rule].Value : i.Message));
            }
            catch (ArgumentException e)
            {
                errors.Add(e.Message);
            }
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            if (!Input.InPlace)
            {
                // A post without the in-place fields: show the stored ones again, not empty rows.
                var shown = EditInput.From(Scenario);
                (Input.Rules, Input.HandMoves, Input.SaasPrices, Input.Roles, Input.DriftFteToday, Input.DevelopmentFteToday, Input.InPlace) =
                    (shown.Rules, shown.HandMoves, shown.SaasPrices, shown.Roles, shown.DriftFteToday, shown.DevelopmentFteToday, true);
            }

            Result = SafeRun(Scenario, Estate, await planning.PricesAsync(Scenario, cancellationToken));
            return Page();
        }

        if (updated.Name != Name && await planning.Store.GetAsync(updated.Name, cancellationToken) is not null)
        {
            Errors = [text["Scenarios.NameTaken", updated.Name].Value];
            Result = SafeRun(Scenario, Estate, await planning.PricesAsync(Scenario, cancellationToken));
            return Page();
        }

        if (updated.Name != Name && (await planning.Store.ListDeletedAsync(cancellationToken)).Any(d => d.Name == updated.Name))
        {
            Errors = [text["Scenarios.NameDeleted", updated.Name].Value];
            Result = SafeRun(Scenario, Estate, await planning.PricesAsync(Scenario, cancellationToken));
            return Page();
        }

        await planning.Store.SaveAsync(updated, cancellationToken);
        if (updated.Name != Name)
        {
            var board = (await planning.Store.BoardAsync(cancellationToken)).Select(s => s.Name == Name ? updated.Name : s.Name).ToList();
            await planning.Store.RemoveAsync(Name, cancellationToken);
            if (stored.Summary.BoardPosition is not null)
            {
                // The renamed scenario keeps its place in the board's order.
                await planning.Store.SetBoardOrderAsync(board, cancellationToken);
            }
        }

        logger.LogInformation("User {User} saved scenario {Scenario}", User.Identity?.Name, updated.Name);
        TempData["Message"] = text["Edit.Saved", updated.Name].Value;
        return RedirectToPage(new { name = updated.Name });
    }

    public string SystemName(long id) => Systems.FirstOrDefault(s => s.Id == id)?.Name ?? "#" + id.ToString(CultureInfo.InvariantCulture);


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

        var rules = new List<MoveRule>();
        for (var i = 0; i < current.Rules.Count; i++)
        {
            if (Input.RemoveRules.Contains(i))
            {
                continue;
            }

            rules.Add(Input.InPlace && i < Input.Rules.Count ? EditedRule(current.Rules[i], Input.Rules[i], i, errors) : current.Rules[i]);
        }

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

        var hands = new List<HandMove>();
        for (var i = 0; i < current.HandMoves.Count; i++)
        {
            if (Input.RemoveHandMoves.Contains(i))
            {
                continue;
            }

            var hand = current.HandMoves[i];
            if (Input.InPlace && i < Input.HandMoves.Count)
            {
                var edit = Input.HandMoves[i];
                if (edit.Year is not { } year)
                {
                    errors.Add(text["Edit.HandYearMissing", i + 1, SystemName(hand.SystemId)]);
                }
                else
                {
                    hand = hand with { Destination = edit.Destination, Wave = new Wave(year, edit.Quarter) };
                }
            }

            hands.Add(hand);
        }

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

        var saas = new Dictionary<long, double>(current.SaasPrices);
        var people = current.People;
        if (Input.InPlace)
        {
            foreach (var id in current.SaasPrices.Keys)
            {
                if (!Input.SaasPrices.TryGetValue(id, out var raw))
                {
                    continue;
                }

                saas.Remove(id);
                if (!string.IsNullOrWhiteSpace(raw) && ParseNumber(raw, text["Edit.SaasPriceFor", SystemName(id)], errors) is { } price)
                {
                    saas[id] = price;
                }
            }

            var roles = new List<TargetRole>();
            foreach (var (role, index) in Input.Roles.Select((r, i) => (r, i)))
            {
                if (string.IsNullOrWhiteSpace(role.Role))
                {
                    continue;
                }

                if (ParseNumber(role.Share, text["Edit.RoleShareFor", role.Role.Trim()], errors) is { } share)
                {
                    roles.Add(new TargetRole(role.Role.Trim(), share / 100));
                }
            }

            people = people with
            {
                DriftFteToday = string.IsNullOrWhiteSpace(Input.DriftFteToday) ? null : ParseNumber(Input.DriftFteToday, text["Edit.DriftFte"], errors),
                DevelopmentFteToday = string.IsNullOrWhiteSpace(Input.DevelopmentFteToday) ? null : ParseNumber(Input.DevelopmentFteToday, text["Edit.DevelopmentFte"], errors),
                TargetRoles = roles,
            };
        }

        if (Input.NewSaasSystemId is { } saasSystem)
        {
            if (ParseNumber(Input.NewSaasPrice, text["Edit.SaasPriceFor", SystemName(saasSystem)], errors) is { } price)
            {
                saas[saasSystem] = price;
            }
        }

        if (!string.IsNullOrWhiteSpace(Input.NewRoleName)
            && ParseNumber(Input.NewRoleShare, text["Edit.RoleShareFor", Input.NewRoleName.Trim()], errors) is { } newShare)
        {
            people = people with { TargetRoles = [.. people.TargetRoles, new TargetRole(Input.NewRoleName.Trim(), newShare / 100)] };
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
            SaasPrices = saas,
            People = people,
        };
    }

    /// <summary>A stored rule with the form's values; what the form does not show (OS families, method, contract) is kept.</summary>
    private MoveRule EditedRule(MoveRule rule, EditInput.RuleInput edit, int index, List<string> errors)
    {
        var label = text["Edit.RuleLabel", index + 1, string.IsNullOrWhiteSpace(edit.Name) ? rule.Name : edit.Name.Trim()].Value;
        var waves = rule.Waves;
        if (!Wave.TryParseList(edit.Waves, out var parsed))
        {
            errors.Add(text["Edit.BadWaves", label, edit.Waves ?? ""]);
        }
        else
        {
            waves = parsed;
        }

        return rule with
        {
            Name = edit.Name?.Trim() ?? "",
            Destination = edit.Destination,
            Waves = waves,
            Filter = rule.Filter with
            {
                RecommendedIn = edit.RecommendedIn.Count > 0 ? edit.RecommendedIn : null,
                OsOutOfSupport = edit.OsOutOfSupport ? true : null,
                Departments = Words(edit.Departments),
                MaxConfidentiality = edit.MaxK,
                NameContains = Words(edit.NameContains),
            },
        };
    }

    private static List<string>? Words(string? text)
    {
        var words = (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length > 0 ? [.. words] : null;
    }

    /// <summary>A number as typed in the request culture (spaces as thousands separators allowed); null with a message naming the field.</summary>
    private double? ParseNumber(string? raw, string field, List<string> errors)
    {
        if (double.TryParse((raw ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.CurrentCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(text["Edit.BadNumber", field, raw ?? ""]);
        return null;
    }
}
