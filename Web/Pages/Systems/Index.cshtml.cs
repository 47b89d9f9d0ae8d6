using ClosedXML.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer;
using Sourcing.Collector;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Workloads;
using Sourcing.Web.Caching;
using Sourcing.Web.Portfolio;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Systems;

/// <summary>
/// The portfolio: every system with its recommendation. Read by Drift and Sourcing (policy
/// Inventory) — Drift needs to see which system their servers belong to; only Sourcing edits (on the detail page).
/// </summary>
[Authorize(Policy = Policies.Inventory)]
public sealed class IndexModel(WorkloadStore workloads, AssessmentStore assessments, InputsCache cache, IStringLocalizer<SharedResource> text, TimeProvider time) : PageModel
{
    public PortfolioQuery Query { get; private set; } = new();

    public IReadOnlyList<PortfolioRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<string> Departments { get; private set; } = [];

    /// <summary>Systems per recommendation key over the whole portfolio, in display order.</summary>
    public IReadOnlyList<(string Key, int Count)> ByRecommendation { get; private set; } = [];

    public int PageCount => Math.Max(1, (Total + PortfolioQuery.PageSize - 1) / PortfolioQuery.PageSize);

    public async Task OnGetAsync([FromQuery] PortfolioQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        var all = await PortfolioReader.LoadAsync(cache, workloads, assessments, cancellationToken);
        Departments = (await workloads.ListDepartmentsAsync(cancellationToken)).Select(d => d.Name).ToList();
        ByRecommendation = PortfolioReader.RecommendationKeys.Select(k => (k, all.Count(r => r.RecommendationKey == k))).Where(x => x.Item2 > 0).ToList();
        var filtered = all.Where(query.Matches).ToList();
        Total = filtered.Count;
        Rows = filtered.Skip((query.PageNumber - 1) * PortfolioQuery.PageSize).Take(PortfolioQuery.PageSize).ToList();
    }

    /// <summary>The filtered list as CSV (all pages), with the inventory export's quoting and formula neutralising.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromQuery] PortfolioQuery query, CancellationToken cancellationToken)
    {
        var rows = (await PortfolioReader.LoadAsync(cache, workloads, assessments, cancellationToken)).Where(query.Matches);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("system", time),
            ["id", "name", "department", "k", "r", "t", "vm_count", "worst_os_support", "status", "recommendation", "confidence", "drift_hours", "missing_fields"],
            rows.Select(r => new object?[]
            {
                r.Workload.Id, r.Workload.Name, r.Workload.Department, r.Workload.Confidentiality, r.Workload.Integrity, r.Workload.Availability,
                r.VmCount, r.WorstSupport, r.Status, r.Recommendation, r.Confidence is { } c ? Math.Round(c, 2) : null,
                r.DriftHours is { } h ? Math.Round(h, 0) : null, string.Join("; ", r.MissingFields),
            }), cancellationToken);
    }

    /// <summary>The portfolio assessment as an Excel workbook (the filter applies), Swedish or English headers per the UI language.</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromQuery] PortfolioQuery query, CancellationToken cancellationToken)
    {
        var rows = (await PortfolioReader.LoadAsync(cache, workloads, assessments, cancellationToken)).Where(query.Matches).ToList();
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(text["Systems.Sheet"].Value);
        string[] headers =
        [
            text["Systems.Col.Name"], text["Systems.Col.Department"], "K", "R", "T", text["Systems.Col.Vms"], text["Systems.Col.Support"],
            text["Systems.Col.Recommendation"], text["Systems.Col.Confidence"], text["Systems.Col.DriftHours"], text["Systems.Col.Missing"], text["Systems.Col.Reason"],
        ];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(headers[c]);
        }

        sheet.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var r in rows)
        {
            var w = r.Workload;
            sheet.Cell(row, 1).SetValue(Safe(w.Name));
            sheet.Cell(row, 2).SetValue(Safe(w.Department ?? ""));
            SetNumber(sheet.Cell(row, 3), w.Confidentiality);
            SetNumber(sheet.Cell(row, 4), w.Integrity);
            SetNumber(sheet.Cell(row, 5), w.Availability);
            sheet.Cell(row, 6).SetValue(r.VmCount);
            sheet.Cell(row, 7).SetValue(r.WorstSupport is { } s ? text["Support." + s].Value : "");
            sheet.Cell(row, 8).SetValue(text["Rec." + r.RecommendationKey].Value);
            if (r.Confidence is { } conf)
            {
                sheet.Cell(row, 9).SetValue(Math.Round(conf, 2));
            }

            if (r.DriftHours is { } hours)
            {
                sheet.Cell(row, 10).SetValue(Math.Round(hours, 0));
            }

            sheet.Cell(row, 11).SetValue(Safe(string.Join("; ", r.MissingFields)));
            sheet.Cell(row, 12).SetValue(Safe(r.Reason ?? ""));
            row++;
        }

        // Fixed widths: ClosedXML 0.95's AdjustToContents measures text with System.Drawing, which Linux hosts lack.
        sheet.Column(1).Width = 40;
        sheet.Column(2).Width = 36;
        sheet.Columns(3, 10).Width = 12;
        sheet.Columns(7, 8).Width = 30;
        sheet.Columns(11, 12).Width = 60;
        sheet.SheetView.FreezeRows(1);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"portfolj-{SwedishTime.Today(time):yyyyMMdd}.xlsx");
    }

    private static string Safe(string value) => SpreadsheetCell.Neutralise(value);

    private static void SetNumber(IXLCell cell, int? value)
    {
        if (value is { } v)
        {
            cell.SetValue(v);
        }
    }

    public string PageUrl(int page) => Url.Page("/Systems/Index", Query.RouteValues(page: page))!;

    public string CsvUrl => Url.Page("/Systems/Index", "Csv", Query.RouteValues(page: 1))!;

    public string XlsxUrl => Url.Page("/Systems/Index", "Xlsx", Query.RouteValues(page: 1))!;
}
