using ClosedXML.Excel;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>
/// The board material as one workbook: first a summary sheet (the decision page as a table, one
/// column per scenario), then per scenario the assumptions with their sources, the forecast per
/// year, the per-system plan and the issues. Numbers are written as numbers so
/// that the reader can build their own charts; column widths are fixed because ClosedXML's
/// AdjustToContents needs System.Drawing fonts that a Linux server lacks.
/// </summary>
public static class ForecastWorkbook
{
    public const string ScenarioSheet = "Scenario";
    public const string ForecastSheet = "Prognos";
    public const string PlanSheet = "Systemplan";
    public const string IssuesSheet = "Avvikelser";
    public const string SummarySheet = "Sammanfattning";

    /// <summary>Number formats: mkr and FTE with one decimal, whole kronor, counts.</summary>
    public const string MkrFormat = "#,##0.0";
    public const string FteFormat = "0.0";
    public const string KronorFormat = "#,##0";
    public const string CountFormat = "#,##0";

    /// <summary>The summary sheet's rows: Swedish label, number format, value.</summary>
    public static IReadOnlyList<(string Label, string Format, Func<CompiledPlan, Forecast, object?> Value)> SummaryRows { get; } =
    [
        ("Horisont", "@", (_, f) => f.Years.Count == 0 ? "" : $"{f.Years[0].Year}–{f.Years[^1].Year}"),
        ("Jämförbar skillnad mot fortsatt egen drift, sista året (mkr; minus är besparing)", MkrFormat, (_, f) => f.Years.Count == 0 ? null : Math.Round(f.Years[^1].LikeForLikeDifference / 1e6, 3)),
        ("Jämförbar skillnad över horisonten (mkr)", MkrFormat, (_, f) => Math.Round(f.NominalDifference / 1e6, 3)),
        ("Nuvärde (mkr)", MkrFormat, (_, f) => Math.Round(f.Npv / 1e6, 3)),
        ("Nuvärde P10 (mkr)", MkrFormat, (_, f) => f.Range is { } r ? Math.Round(r.Npv.P10 / 1e6, 3) : null),
        ("Nuvärde P50, median (mkr)", MkrFormat, (_, f) => f.Range is { } r ? Math.Round(r.Npv.P50 / 1e6, 3) : null),
        ("Nuvärde P90 (mkr)", MkrFormat, (_, f) => f.Range is { } r ? Math.Round(r.Npv.P90 / 1e6, 3) : null),
        ("System som flyttar", CountFormat, (p, _) => p.Moves.Count),
        ("Servrar som flyttar", CountFormat, (p, _) => p.Moves.Sum(m => m.VmCount + m.PhysicalServers)),
        ("Drift, personer vid horisontens slut (FTE)", FteFormat, (_, f) => f.Years.Count == 0 ? null : Math.Round(f.Years[^1].DriftHeadcount, 3)),
        ("Utveckling, personer vid horisontens slut (FTE)", FteFormat, (_, f) => f.Years.Count == 0 ? null : Math.Round(f.Years[^1].DevelopmentHeadcount, 3)),
        ("Beställarorganisation vid horisontens slut (FTE)", FteFormat, (_, f) => f.Years.Count == 0 ? null : Math.Round(f.Years[^1].RetainedHeadcount, 3)),
        ("Övertaliga personer, flest under ett år", CountFormat, (_, f) => f.Years.Count == 0 ? 0 : f.Years.Max(y => y.SurplusPersons)),
        ("Nya utvecklingstjänster vid horisontens slut (FTE)", FteFormat, (_, f) => f.Years.Count == 0 ? null : Math.Round(f.Years[^1].DevelopmentFteGained, 3)),
        ("Kostnad per utvecklingsårsarbete (kr)", KronorFormat, (_, f) => f.CostPerDevelopmentFteYear is { } c ? Math.Round(c) : null),
        ("Att rekrytera, per årsarbete (kr)", KronorFormat, (_, f) => Math.Round(f.RecruitingCostPerFteYear)),
        ("Som konsult, per årsarbete (kr)", KronorFormat, (_, f) => Math.Round(f.ConsultantCostPerFteYear)),
        ("Servrar på OS utan support sista året, fortsatt egen drift", CountFormat, (_, f) => f.Years.Count == 0 ? null : f.Years[^1].UnsupportedOsServersBaseline),
        ("Servrar på OS utan support sista året, scenariot", CountFormat, (_, f) => f.Years.Count == 0 ? null : f.Years[^1].UnsupportedOsServersScenario),
        ("System till publikt moln eller SaaS", CountFormat, (p, _) => p.Moves.Count(m => m.Destination is Destination.PublicCloud or Destination.Saas)),
        ("Flyttar som grinden villkorar", CountFormat, (_, f) => f.Issues.Count(i => i.Kind == PlanIssueKind.Conditional)),
        ("Molnprislista daterad", "@", (p, _) => p.Prices.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>Row in the scenario sheet where the parameter table's header is.</summary>
    public const int ParameterHeaderRow = 11;

    public static void Write(Stream stream, CompiledPlan plan, Forecast forecast, PlanningAssumptions assumptions) =>
        Write(stream, [(plan, forecast, assumptions)]);

    /// <summary>
    /// Several scenarios (the board's, in order): the summary with one column each, then each
    /// scenario's sheets. With one scenario the sheets keep their plain names; with more they are
    /// numbered in the summary's order ("Prognos 2"), since sheet names hold at most 31 characters.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyList<(CompiledPlan Plan, Forecast Forecast, PlanningAssumptions Assumptions)> scenarios)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(scenarios);
        using var workbook = new XLWorkbook();
        WriteSummary(workbook.Worksheets.Add(SummarySheet), scenarios);
        for (var i = 0; i < scenarios.Count; i++)
        {
            var (plan, forecast, assumptions) = scenarios[i];
            var suffix = scenarios.Count == 1 ? "" : " " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            WriteScenario(workbook.Worksheets.Add(ScenarioSheet + suffix), plan, forecast, assumptions);
            WriteForecast(workbook.Worksheets.Add(ForecastSheet + suffix), forecast);
            WritePlan(workbook.Worksheets.Add(PlanSheet + suffix), plan);
            WriteIssues(workbook.Worksheets.Add(IssuesSheet + suffix), forecast);
        }

        workbook.SaveAs(stream);
    }

    private static void WriteSummary(IXLWorksheet sheet, IReadOnlyList<(CompiledPlan Plan, Forecast Forecast, PlanningAssumptions Assumptions)> scenarios)
    {
        sheet.Cell(1, 1).Value = "Mått";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        for (var c = 0; c < scenarios.Count; c++)
        {
            var header = sheet.Cell(1, c + 2);
            header.Value = scenarios[c].Plan.Scenario.Name;
            header.Style.Font.Bold = true;
            header.Style.Alignment.WrapText = true;
            sheet.Column(c + 2).Width = 28;
        }

        for (var r = 0; r < SummaryRows.Count; r++)
        {
            var (label, format, value) = SummaryRows[r];
            sheet.Cell(r + 2, 1).Value = label;
            for (var c = 0; c < scenarios.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 2);
                switch (value(scenarios[c].Plan, scenarios[c].Forecast))
                {
                    case null:
                        break;
                    case string text:
                        cell.Value = text;
                        break;
                    case int count:
                        cell.Value = count;
                        break;
                    case double number:
                        cell.Value = number;
                        break;
                    default:
                        throw new InvalidOperationException("Unexpected summary value for " + label);
                }

                cell.Style.NumberFormat.Format = format;
            }
        }

        sheet.Column(1).Width = 62;
        sheet.SheetView.Freeze(1, 1);
    }

    private static void WriteScenario(IXLWorksheet sheet, CompiledPlan plan, Forecast forecast, PlanningAssumptions assumptions)
    {
        var scenario = plan.Scenario;
        (string, object)[] head =
        [
            ("Scenario", scenario.Name),
            ("Ägare", scenario.Owner),
            ("Beskrivning", scenario.Description),
            ("Startår", scenario.StartYear),
            ("Horisont (år)", scenario.HorizonYears),
            ("Drift-FTE idag", Math.Round(forecast.DriftFteToday, 2)),
            ("Utvecklings-FTE idag", Math.Round(forecast.DevelopmentFteToday, 2)),
            ("Molnprislista", $"{plan.Prices.AsOf:yyyy-MM-dd} {plan.Prices.Region}: {plan.Prices.Source}"),
            ("Molnservrarnas storlek", forecast.CloudSizing.Sentence() ?? "Inga servrar flyttar till publikt moln."),
        ];
        for (var i = 0; i < head.Length; i++)
        {
            sheet.Cell(i + 1, 1).Value = head[i].Item1;
            sheet.Cell(i + 1, 1).Style.Font.Bold = true;
            sheet.Cell(i + 1, 2).Value = head[i].Item2;
        }

        string[] columns = ["Nyckel", "Antagande", "Värde", "Enhet", "Standardvärde", "Ändrat i scenariot", "Källa", "Länk", "Tillförlitlighet"];
        Header(sheet, ParameterHeaderRow, columns);
        var row = ParameterHeaderRow + 1;
        foreach (var parameter in PlanningDefaults.All)
        {
            var value = assumptions[parameter.Key];
            sheet.Cell(row, 1).Value = parameter.Key;
            sheet.Cell(row, 2).Value = parameter.Label;
            sheet.Cell(row, 3).Value = value;
            sheet.Cell(row, 4).Value = parameter.Unit;
            sheet.Cell(row, 5).Value = parameter.Value;
            sheet.Cell(row, 6).Value = value != parameter.Value ? "Ja" : "";
            sheet.Cell(row, 7).Value = parameter.Source;
            sheet.Cell(row, 8).Value = parameter.SourceUrl ?? "";
            sheet.Cell(row, 9).Value = ConfidenceNames.Swedish(parameter.Confidence);
            row++;
        }

        row++;
        sheet.Cell(row, 1).Value = "Målroller";
        sheet.Cell(row, 1).Style.Font.Bold = true;
        foreach (var role in scenario.People.TargetRoles)
        {
            sheet.Cell(row, 2).Value = role.Role;
            sheet.Cell(row, 3).Value = role.Share;
            row++;
        }

        sheet.Column(1).Width = 30;
        sheet.Column(2).Width = 45;
        sheet.Column(7).Width = 80;
        sheet.Column(8).Width = 40;
    }

    private static void WriteForecast(IXLWorksheet sheet, Forecast forecast)
    {
        var columns = ForecastColumns.All;
        Header(sheet, 1, [.. columns.Select(c => c.Kind == ForecastColumnKind.Money ? c.Header.Replace("(kr)", "(mkr)", StringComparison.Ordinal) : c.Header)]);
        var row = 2;
        foreach (var y in forecast.Years)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.Cell(row, c + 1);
                var value = columns[c].Value(y);
                switch (columns[c].Kind)
                {
                    case ForecastColumnKind.Money:
                        cell.Value = Math.Round(value / 1e6, 3);
                        cell.Style.NumberFormat.Format = MkrFormat;
                        break;
                    case ForecastColumnKind.Fte:
                        cell.Value = Math.Round(value, 3);
                        cell.Style.NumberFormat.Format = FteFormat;
                        break;
                    case ForecastColumnKind.Hours:
                        cell.Value = Math.Round(value);
                        cell.Style.NumberFormat.Format = CountFormat;
                        break;
                    default:
                        cell.Value = value;
                        break;
                }
            }

            row++;
        }

        sheet.Columns(1, columns.Count).Width = 16;
        sheet.SheetView.FreezeRows(1);
    }

    private static void WritePlan(IXLWorksheet sheet, CompiledPlan plan)
    {
        string[] columns = ["System-id", "System", "Förvaltning", "Destination", "Våg", "Metod", "Avtal", "Grind", "Grindregel", "Källa", "Driftinsats (h/år)", "VM", "Fysiska servrar", "Dygnet runt"];
        Header(sheet, 1, columns);
        var row = 2;
        foreach (var move in plan.Moves)
        {
            sheet.Cell(row, 1).Value = move.SystemId;
            sheet.Cell(row, 2).Value = move.SystemName;
            sheet.Cell(row, 3).Value = move.Department ?? "";
            sheet.Cell(row, 4).Value = DestinationNames.Swedish(move.Destination);
            sheet.Cell(row, 5).Value = move.Wave.ToString();
            sheet.Cell(row, 6).Value = move.Method.ToString();
            sheet.Cell(row, 7).Value = move.Contract ?? "";
            sheet.Cell(row, 8).Value = move.Verdict.ToString();
            sheet.Cell(row, 9).Value = move.GateRule ?? "";
            sheet.Cell(row, 10).Value = move.Origin == PlanCompiler.HandOrigin ? "Handflytt" : move.Origin;
            if (move.DriftHoursPerYear is { } hours)
            {
                sheet.Cell(row, 11).Value = hours;
            }
            else
            {
                sheet.Cell(row, 11).Value = "beräknas från serverantal";
            }

            sheet.Cell(row, 12).Value = move.VmCount;
            sheet.Cell(row, 13).Value = move.PhysicalServers;
            sheet.Cell(row, 14).Value = move.TwentyFourSeven ? "Ja" : "Nej";
            row++;
        }

        sheet.Columns(1, columns.Length).Width = 18;
        sheet.Column(2).Width = 35;
        sheet.Column(9).Width = 50;
        sheet.SheetView.FreezeRows(1);
    }

    private static void WriteIssues(IXLWorksheet sheet, Forecast forecast)
    {
        Header(sheet, 1, ["Typ", "Meddelande", "System", "Destination", "Regel i grinden", "Källa"]);
        var row = 2;
        foreach (var issue in forecast.Issues)
        {
            sheet.Cell(row, 1).Value = IssueName(issue.Kind);
            sheet.Cell(row, 2).Value = issue.Message;
            sheet.Cell(row, 3).Value = issue.SystemName ?? "";
            sheet.Cell(row, 4).Value = issue.Destination is { } d ? DestinationNames.Swedish(d) : "";
            sheet.Cell(row, 5).Value = issue.GateRule ?? "";
            sheet.Cell(row, 6).Value = issue.Origin ?? "";
            row++;
        }

        sheet.Column(1).Width = 14;
        sheet.Column(2).Width = 100;
        sheet.Columns(3, 6).Width = 30;
        sheet.SheetView.FreezeRows(1);
    }

    public static string IssueName(PlanIssueKind kind) => kind switch
    {
        PlanIssueKind.Error => "Fel",
        PlanIssueKind.Refused => "Nekad",
        PlanIssueKind.Skipped => "Överhoppad",
        PlanIssueKind.Conditional => "Villkorad",
        _ => "Varning",
    };

    private static void Header(IXLWorksheet sheet, int row, string[] columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cell(row, c + 1).Value = columns[c];
            sheet.Cell(row, c + 1).Style.Font.Bold = true;
        }
    }
}
