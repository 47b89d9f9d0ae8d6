using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Auth;
using Sourcing.Collector.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Economics;

/// <summary>
/// The region's IT operation costs as its books state them, per cost pool or as one total. The
/// forecast calibrates its pools to these figures; the page shows the model's own estimate beside
/// each, the factor and what is unallocated. Ledning and Sourcing read; Sourcing edits.
/// </summary>
[Authorize(Policy = Policies.Ledning)]
public sealed class IndexModel(PlanningService planning, CostBudgetStore budget, TimeProvider time,
    IStringLocalizer<SharedResource> text, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<PoolCalibration> Calibration { get; private set; } = [];

    public IReadOnlyDictionary<string, CostBudgetRow> Stated { get; private set; } = new Dictionary<string, CostBudgetRow>();

    public List<string> Errors { get; } = [];

    public double DriftStaffToday { get; private set; }

    [BindProperty]
    public Dictionary<string, BudgetInput> Input { get; set; } = [];

    public bool CanEdit => User.IsInRole(Roles.Sourcing);

    /// <summary>Every pool the region can state a figure for, "total" first.</summary>
    public static IReadOnlyList<string> Keys { get; } = [CostPools.TotalKey, .. CostPools.All.Skip(1).Select(p => p.Key)];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var parsed = new List<(string Key, double? Sek, string Source, int? Year)>();
        foreach (var key in Keys)
        {
            var input = Input.GetValueOrDefault(key) ?? new BudgetInput();
            var label = Label(key);
            double? sek = null;
            var raw = input.Sek?.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Trim();
            if (!string.IsNullOrEmpty(raw))
            {
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.CurrentCulture, out var value) || !double.IsFinite(value))
                {
                    Errors.Add(text["Economics.BadNumber", label, input.Sek ?? ""]);
                    continue;
                }

                if (value is < 0 or > CostBudgetStore.MaxSekPerYear)
                {
                    Errors.Add(text["Economics.Range", label]);
                    continue;
                }

                sek = value;
            }

            var source = input.Source?.Trim() ?? "";
            if (source.Length > 500)
            {
                Errors.Add(text["Economics.SourceTooLong", label]);
                continue;
            }

            if (input.Year is < 2000 or > 2100)
            {
                Errors.Add(text["Economics.YearRange", label]);
                continue;
            }

            parsed.Add((key, sek, source, input.Year));
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(cancellationToken, keepInput: true);
            return Page();
        }

        await budget.SaveAllAsync([.. parsed.Select(p => new CostBudgetChange(p.Key, p.Sek, p.Source, p.Year))], User.Identity?.Name ?? "", cancellationToken);

        logger.LogInformation("User {User} saved the region's cost figures", User.Identity?.Name);
        TempData["Message"] = text["Economics.Saved"].Value;
        return RedirectToPage();
    }

    public string Label(string key) => key == CostPools.TotalKey
        ? text["Economics.Total"]
        : CostPools.TryGet(key, out var info) ? info.Label : key;

    private async Task LoadAsync(CancellationToken cancellationToken, bool keepInput = false)
    {
        var estate = await planning.EstateAsync(cancellationToken);
        var rows = await budget.ListAsync(cancellationToken);
        Stated = rows.ToDictionary(r => r.Pool, StringComparer.Ordinal);
        // Today's pools: a scenario that moves nothing, over the defaults.
        var today = new Scenario { Name = "Nuläge", StartYear = time.GetLocalNow().Year, HorizonYears = Scenario.MinHorizon };
        var forecast = Forecaster.Run(PlanCompiler.Compile(today, estate, await planning.PricesAsync(today, cancellationToken)), withBreakEven: false);
        Calibration = forecast.Calibration;
        DriftStaffToday = forecast.Years.Count > 0 ? forecast.Years[0].CostByPool[CostPools.Get(CostPool.DriftStaff).Key].Baseline : 0;
        if (!keepInput)
        {
            Input = Keys.ToDictionary(k => k, k => Stated.TryGetValue(k, out var r)
                ? new BudgetInput { Sek = r.SekPerYear.ToString("#,0", CultureInfo.CurrentCulture), Source = r.Source, Year = r.BudgetYear }
                : new BudgetInput());
        }
    }
}

/// <summary>One row of the form: the figure as typed, where it comes from, the budget year.</summary>
public sealed class BudgetInput
{
    public string? Sek { get; set; }
    public string? Source { get; set; }
    public int? Year { get; set; }
}
