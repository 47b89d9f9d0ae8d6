using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Workloads;
using Sourcing.Web.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Inventory;

/// <summary>
/// The estate over time per förvaltning: a stacked chart of VMs, vCPU or storage, the same numbers as a
/// table at month ends, and that table as CSV. Period and measure are in the URL so a view can be shared.
/// </summary>
[Authorize(Policy = Policies.Inventory)]
public sealed class TrendModel(WorkloadStore store, IStringLocalizer<SharedResource> text, TimeProvider time) : PageModel
{
    /// <summary>The store's name for VMs whose system has no förvaltning (or that have no system).</summary>
    public const string NoDepartment = "(ingen förvaltning)";

    public static IReadOnlyList<string> Periods { get; } = ["90d", "1y", "3y"];

    public static IReadOnlyList<string> Measures { get; } = ["vm", "vcpu", "storage"];

    [FromQuery(Name = "period")]
    public string? Period { get; set; }

    [FromQuery(Name = "measure")]
    public string? Measure { get; set; }

    /// <summary>The period shown: the asked one when known, else 90 days.</summary>
    public string PeriodKey => Periods.Contains(Period) ? Period! : "90d";

    public string MeasureKey => Measures.Contains(Measure) ? Measure! : "vm";

    public DateOnly From { get; private set; }

    /// <summary>The day of the first scan; the trend starts there (null: no scan yet).</summary>
    public DateOnly? FirstScan { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>Förvaltningar by name, the VMs without one last.</summary>
    public IReadOnlyList<string> Departments { get; private set; } = [];

    /// <summary>The days the chart shows: every day for 90 days, every seventh (ending today) for longer periods.</summary>
    public IReadOnlyList<DateOnly> ChartDays { get; private set; } = [];

    /// <summary>The table's rows: the last day of each month in the period, and today.</summary>
    public IReadOnlyList<DateOnly> MonthPoints { get; private set; } = [];

    private Dictionary<(DateOnly Day, string Department), DepartmentInventoryDay> _days = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The table's points with all three measures, one row per day and förvaltning.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("inventarie-over-tid", time),
            ["date", "department", "vms", "vcpu", "storage_gib"],
            MonthPoints.SelectMany(day => Departments.Select(d =>
            {
                var row = Row(day, d);
                return new object?[] { day, d, row.Vms, row.Vcpu, row.StorageGib };
            })),
            cancellationToken);
    }

    /// <summary>One förvaltning's numbers on one day; zero when it had no VMs then.</summary>
    public DepartmentInventoryDay Row(DateOnly day, string department) =>
        _days.GetValueOrDefault((day, department)) ?? new DepartmentInventoryDay(day, department, 0, 0, 0);

    /// <summary>The chosen measure for one förvaltning on one day (storage in whole GiB).</summary>
    public decimal Value(DateOnly day, string department) => Pick(Row(day, department));

    public decimal Total(DateOnly day) => Departments.Sum(d => Value(day, d));

    public string DepartmentLabel(string department) => department == NoDepartment ? text["Trend.NoDepartment"].Value : department;

    public string MeasureLabel(string measure) => text["Trend.Measure." + measure].Value;

    /// <summary>Chart data for wwwroot/js/planning-charts.js: one stacked series per förvaltning.</summary>
    public string ChartJson() => new ChartSpec("line",
        [.. ChartDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
        [.. Departments.Select((d, i) => new ChartSeries(DepartmentLabel(d), [.. ChartDays.Select(day => (object)Value(day, d))], Fill: true, Colour: i))],
        Stacked: true, Unit: MeasureKey == "storage" ? "GiB" : null).ToJson();

    public string TrendUrl(string? period = null, string? measure = null) =>
        Url.Page("/Inventory/Trend", new { period = period ?? PeriodKey, measure = measure ?? MeasureKey })!;

    public string CsvUrl => Url.Page("/Inventory/Trend", "Csv", new { period = PeriodKey, measure = MeasureKey })!;

    private decimal Pick(DepartmentInventoryDay row) => MeasureKey switch
    {
        "vcpu" => row.Vcpu,
        "storage" => Math.Round(row.StorageGib, 0),
        _ => row.Vms,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        To = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        From = PeriodKey switch
        {
            "1y" => To.AddYears(-1).AddDays(1),
            "3y" => To.AddYears(-3).AddDays(1),
            _ => To.AddDays(-89),
        };
        // The estate is only known from the first scan on: before it, a resource's first-seen date
        // says nothing, and a curve rising from 0 would be invented growth.
        FirstScan = await store.FirstScanDayAsync(cancellationToken);
        if (FirstScan is { } first && first > From)
        {
            From = first < To ? first : To;
        }

        var days = await store.InventoryOverTimeAsync(From, To, cancellationToken);
        _days = days.ToDictionary(d => (d.Day, d.Department));
        Departments = [.. days.Select(d => d.Department).Distinct()
            .OrderBy(d => d == NoDepartment).ThenBy(d => d, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true))];

        var step = PeriodKey == "90d" ? 1 : 7;
        var chartDays = new List<DateOnly>();
        for (var day = To; day >= From; day = day.AddDays(-step))
        {
            chartDays.Add(day);
        }

        chartDays.Reverse();
        ChartDays = chartDays;

        var points = new List<DateOnly>();
        for (var monthEnd = new DateOnly(From.Year, From.Month, 1).AddMonths(1).AddDays(-1); monthEnd < To; monthEnd = monthEnd.AddDays(1).AddMonths(1).AddDays(-1))
        {
            points.Add(monthEnd);
        }

        points.Add(To);
        MonthPoints = points;
    }
}
