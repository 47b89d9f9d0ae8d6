using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analyzer.Planning;
using Sourcing.Analyzer.Workloads.Mapping;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Planning;
using Sourcing.Collector.Workloads;
using Sourcing.Tests.Collector.Assessment;
using Sourcing.Tests.Support;
using Sourcing.Web;

namespace Sourcing.Tests.Web;

/// <summary>The CSV export of every data table: format, the page's rows, formula neutralising, and the link on the page.</summary>
[Collection("Web")]
public sealed partial class CsvExportTests(WebAppFixture app)
{
    private static readonly string Calm = Uri.EscapeDataString(PlanningSeed.Calm);

    private static readonly string[] ConflictWorkloads = ["Csv-testsystem", "Annat system"];

    [Fact]
    public void Cell_ValuesOfEachType_MachineForm_AreInvariant()
    {
        const CsvForm m = CsvForm.Machine;
        Assert.Equal("", CsvExport.Cell(null, m));
        Assert.Equal("-1.5", CsvExport.Cell(-1.5, m));
        Assert.Equal("0.3", CsvExport.Cell(0.1 + 0.2, m));
        Assert.Equal("1234567.25", CsvExport.Cell(1234567.25m, m));
        Assert.Equal("40", CsvExport.Cell(40.00m, m));
        Assert.Equal("-42", CsvExport.Cell(-42L, m));
        Assert.Equal("true", CsvExport.Cell(true, m));
        Assert.Equal("2026-01-05T10:00:00Z", CsvExport.Cell(new DateTimeOffset(2026, 1, 5, 11, 0, 0, TimeSpan.FromHours(1)), m));
        Assert.Equal("2026-01-05T10:00:00Z", CsvExport.Cell(new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc), m));
        Assert.Equal("2027-03-31", CsvExport.Cell(new DateOnly(2027, 3, 31), m));
        Assert.Equal("SwedishManaged", CsvExport.Cell(Sourcing.Analyzer.Destination.SwedishManaged, m));
    }

    [Fact]
    public void Cell_ValuesOfEachType_SwedishForm_AreWhatASwedishExcelReads()
    {
        const CsvForm s = CsvForm.Swedish;
        Assert.Equal("", CsvExport.Cell(null, s));
        // An ASCII minus, not sv-SE's U+2212 (Excel reads that as text); no thousands separator.
        Assert.Equal("-1,5", CsvExport.Cell(-1.5, s));
        Assert.Equal("0,3", CsvExport.Cell(0.1 + 0.2, s));
        Assert.Equal("1234567,25", CsvExport.Cell(1234567.25m, s));
        Assert.Equal("40", CsvExport.Cell(40.00m, s));
        Assert.Equal("-42", CsvExport.Cell(-42L, s));
        // Swedish time: 10:00 UTC in January is 11:00 in Stockholm, in July 12:00.
        Assert.Equal("2026-01-05 11:00:00", CsvExport.Cell(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), s));
        Assert.Equal("2026-07-05 12:00:00", CsvExport.Cell(new DateTime(2026, 7, 5, 10, 0, 0, DateTimeKind.Utc), s));
        Assert.Equal("2027-03-31", CsvExport.Cell(new DateOnly(2027, 3, 31), s));
        Assert.Equal("\"a;b\"", CsvExport.Cell("a;b", s));
        Assert.Equal("'-1", CsvExport.Cell("-1", s));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+46 70", "'+46 70")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("sa \"hej\"", "\"sa \"\"hej\"\"\"")]
    [InlineData("rad 1\nrad 2", "\"rad 1\nrad 2\"")]
    [InlineData("Hälso- och sjukvård", "Hälso- och sjukvård")]
    public void Cell_Text_IsQuotedAndNeutralised(string value, string expected)
    {
        Assert.Equal(expected, CsvExport.Cell(value, CsvForm.Machine));
        Assert.Equal(expected, CsvExport.Cell(value, CsvForm.Swedish));
    }

    [Fact]
    public void Line_Cells_AreJoinedWithTheFormsSeparatorAndEndWithCrLf()
    {
        Assert.Equal("1;;'=x;2,5\r\n", CsvExport.Line([1, null, "=x", 2.5], CsvForm.Swedish));
        Assert.Equal("1,,'=x,2.5\r\n", CsvExport.Line([1, null, "=x", 2.5], CsvForm.Machine));
    }

    [Fact]
    public void FileName_LateEveningUtc_UsesTheSwedishDate() =>
        Assert.Equal("skanningar-20261123.csv", CsvExport.FileName("skanningar", new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero))));

    [Fact]
    public async Task Scans_Csv_HoldsTheSeededScan()
    {
        using var client = await app.SignedInAsync("drift");

        var csv = await GetCsvAsync(client, "/Scans?handler=Csv", "skanningar");

        Assert.Equal("id,source,trigger,started_at,finished_at,status,added,changed,removed,unchanged,skipped,errors", csv.Header);
        var scan = Assert.Single(csv.Rows, r => r[1] == "vcenter-visby" && r[5] == "partial");
        Assert.Equal("124", scan[6]);
        Assert.Equal("Värd esx-07 svarade inte", scan[11]);
        Assert.Matches(SwedishTime(), scan[3]);
        Assert.Contains("href=\"/Scans?handler=Csv\"", await client.GetStringAsync("/Scans"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Systems_Csv_OpensInColumnsWithSwedishSettings()
    {
        await app.Factory.Services.GetRequiredService<AnalyzeJob>().RunAsync(CancellationToken.None);
        var stored = (await app.Factory.Services.GetRequiredService<AssessmentStore>().GetAssessmentAsync(app.SystemId, CancellationToken.None))!;
        using var client = await app.SignedInAsync("drift");

        var csv = await GetCsvAsync(client, "/Systems?handler=Csv", "system");

        // What Excel with Swedish settings does on a double-click: ';' separates, ',' is the decimal sign.
        var config = new CsvConfiguration(Swedish) { Delimiter = ";" };
        using var reader = new CsvReader(new StringReader(csv.Text), config);
        Assert.True(await reader.ReadAsync());
        reader.ReadHeader();
        Assert.Equal(csv.Header.Split(','), reader.HeaderRecord);
        var found = false;
        while (await reader.ReadAsync())
        {
            if (reader.GetField<long>("id") != app.SystemId)
            {
                continue;
            }

            found = true;
            Assert.Equal("Journalsystemet", reader.GetField("name"));
            Assert.Equal("Hälso- och sjukvårdsförvaltningen", reader.GetField("department"));
            Assert.Equal(Math.Round(stored.Confidence, 2), reader.GetField<double>("confidence"));
            Assert.Equal(Math.Round(stored.DriftHours), reader.GetField<double>("drift_hours"));
        }

        Assert.True(found, "the export holds Journalsystemet");
        Assert.Contains(";" + Math.Round(stored.Confidence, 2).ToString("0.##", Swedish) + ";", csv.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_MachineForm_AreCommaSeparatedInvariantAndUtc()
    {
        await app.Factory.Services.GetRequiredService<AnalyzeJob>().RunAsync(CancellationToken.None);
        var stored = (await app.Factory.Services.GetRequiredService<AssessmentStore>().GetAssessmentAsync(app.SystemId, CancellationToken.None))!;
        using var client = await app.SignedInAsync("drift");

        var systems = await GetCsvAsync(client, "/Systems?handler=Csv&format=maskin", "system", CsvForm.Machine);
        var scans = await GetCsvAsync(client, "/Scans?handler=Csv&format=maskin", "skanningar", CsvForm.Machine);

        using var reader = new CsvReader(new StringReader(systems.Text), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = "," });
        Assert.True(await reader.ReadAsync());
        reader.ReadHeader();
        Assert.StartsWith("id,name,department,k,", systems.Header, StringComparison.Ordinal);
        var rows = new List<(long Id, double? Confidence, double? Hours)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetField<long>("id"), reader.GetField<double?>("confidence"), reader.GetField<double?>("drift_hours")));
        }

        var journal = Assert.Single(rows, r => r.Id == app.SystemId);
        Assert.Equal(Math.Round(stored.Confidence, 2), journal.Confidence);
        Assert.Equal(Math.Round(stored.DriftHours), journal.Hours);
        Assert.Contains("," + Math.Round(stored.Confidence, 2).ToString(CultureInfo.InvariantCulture) + ",", systems.Text, StringComparison.Ordinal);
        Assert.Matches(IsoTime(), Assert.Single(scans.Rows, r => r[1] == "vcenter-visby" && r[5] == "partial")[3]);
    }

    [Fact]
    public async Task MappingUnmapped_Csv_HasAllRowsInThePageOrderAndNeutralisesFormulas()
    {
        using var client = await app.SignedInAsync("sourcing");

        var csv = await GetCsvAsync(client, "/Mapping?handler=CsvUnmapped&sort=name&dir=asc", "omappade-resurser");

        Assert.Equal("id,source,kind,name,folder_path,resource_group,guest_os,cpu_count,memory_mib,storage_gib", csv.Header);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var expected = (await connection.QueryAsync<string>(
            """
            SELECT r.name FROM sourcing.resource r LEFT JOIN sourcing.resource_assignment a ON a.resource_id = r.id
            WHERE r.removed_at IS NULL AND r.kind IN ('vm', 'cloud') AND a.resource_id IS NULL ORDER BY lower(r.name), r.id
            """)).Select(n => n.StartsWith('=') ? "'" + n : n).ToList();
        Assert.True(expected.Count > Sourcing.Web.Pages.Mapping.IndexModel.PageSize, "more rows than one page");
        Assert.Equal(expected, csv.Rows.Select(r => r[3]));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"klick\"\")\"", csv.Text, StringComparison.Ordinal);
        var formula = Assert.Single(csv.Rows, r => r[3] == "'=HYPERLINK(\"http://evil\",\"klick\")");
        Assert.Equal(["vcenter-visby", "vm"], formula[1..3]);
        var web = csv.Rows.Where(r => r[3].StartsWith("web-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(web);
        Assert.All(web, r => Assert.Equal(["vcenter-visby", "vm", "2", "4096", "40"], [r[1], r[2], r[7], r[8], r[9]]));
        // The link carries the page's sort, so the file comes in the order the page shows.
        var link = WebUtility.HtmlDecode(UnmappedCsvLink().Match(await client.GetStringAsync("/Mapping?sort=vcpu&dir=asc")).Groups[1].Value);
        Assert.Contains("sort=vcpu", link, StringComparison.Ordinal);
        Assert.Contains("dir=asc", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappingRulesAndConflicts_Csv_HoldTheStoredOnes()
    {
        var store = app.Factory.Services.GetRequiredService<WorkloadStore>();
        var ruleId = await store.SaveRuleAsync(new MappingRule
        {
            Kind = MappingRuleKind.NamePattern,
            Position = 9990,
            MatchRegex = "^csv-export-matches-nothing$",
            TargetWorkload = "Csv-testsystem",
            Description = "=IMPORTXML(\"x\")",
        }, CancellationToken.None);
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO sourcing.mapping_conflict (resource_id, rule_ids, workloads, detected_at) VALUES (@id, @rules, @workloads, '2026-02-01T08:00:00Z')",
                new { id = app.ScriptVmId, rules = new List<long> { ruleId, 7 }.ToArray(), workloads = ConflictWorkloads });
        }

        try
        {
            using var client = await app.SignedInAsync("drift");

            var rules = await GetCsvAsync(client, "/Mapping?handler=CsvRules", "mappningsregler");
            var conflicts = await GetCsvAsync(client, "/Mapping?handler=CsvConflicts", "mappningskonflikter");
            var html = await client.GetStringAsync("/Mapping");

            Assert.Equal("id,position,kind,match_key,match_value,match_regex,target_workload,target_department,enabled,description", rules.Header);
            var rule = Assert.Single(rules.Rows, r => r[0] == ruleId.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(["9990", "name_pattern", "", "", "^csv-export-matches-nothing$", "Csv-testsystem", "", "true", "'=IMPORTXML(\"x\")"], rule[1..]);
            Assert.Equal("resource_id,resource_name,rule_ids,workloads,detected_at", conflicts.Header);
            var conflict = Assert.Single(conflicts.Rows, r => r[0] == app.ScriptVmId.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(["<script>alert(1)</script>", $"{ruleId};7", "Csv-testsystem;Annat system", "2026-02-01 09:00:00"], conflict[1..]);
            Assert.Contains("href=\"/Mapping?handler=CsvRules\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/Mapping?handler=CsvConflicts\"", html, StringComparison.Ordinal);
        }
        finally
        {
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM sourcing.mapping_conflict WHERE resource_id = @id", new { id = app.ScriptVmId });
            await store.DeleteRuleAsync(ruleId, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Scenarios_Csv_ListsEveryScenarioWithItsFigures()
    {
        using var client = await app.SignedInAsync("sourcing");

        var csv = await GetCsvAsync(client, "/Scenarios?handler=Csv", "scenarier");

        Assert.Equal("name,owner,board_position,start_year,end_year,moves,freed_fte,net_cost_mkr,surplus_fte_years,has_errors", csv.Header);
        var calm = Assert.Single(csv.Rows, r => r[0] == PlanningSeed.Calm);
        Assert.Equal(["Sam", "1", "2026", "2030"], calm[1..5]);
        var surplus = Assert.Single(csv.Rows, r => r[0] == PlanningSeed.Surplus);
        Assert.Equal(["", "2026", "2029"], surplus[2..5]);
        Assert.True(Number(surplus[8]) > 0.05, "the surplus scenario has surplus FTE years");
        Assert.Contains(csv.Rows, r => r[0] == PlanningSeed.Other);
        Assert.Contains("href=\"/Scenarios?handler=Csv\"", await client.GetStringAsync("/Scenarios"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_Csv_HasOneRowPerYearWithTheForecastsValues()
    {
        using var client = await app.SignedInAsync("ledning");
        var expected = await RunAsync(PlanningSeed.Calm);

        var csv = await GetCsvAsync(client, "/Forecast?handler=Csv&name=" + Calm, "prognos-Utskrift-till-leverantör-2027");
        var waves = await GetCsvAsync(client, "/Forecast?handler=CsvWaves&name=" + Calm, "vagor-Utskrift-till-leverantör-2027");
        var html = await client.GetStringAsync("/Forecast?name=" + Calm);

        Assert.StartsWith("scenario,year,systems_moving,moved_drift_hours,moved_drift_fte,drift_fte,", csv.Header, StringComparison.Ordinal);
        Assert.EndsWith(",difference_sek,cumulative_difference_sek", csv.Header, StringComparison.Ordinal);
        Assert.Equal(expected.Forecast.Years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)), csv.Rows.Select(r => r[1]));
        var columns = csv.Header.Split(',');
        var last = expected.Forecast.Years[^1];
        Assert.Equal(PlanningSeed.Calm, csv.Rows[^1][0]);
        Assert.Equal(last.DriftFte, Number(csv.Rows[^1][Array.IndexOf(columns, "drift_fte")]), 5);
        Assert.Equal(Math.Round(last.CumulativeDifference), Number(csv.Rows[^1][Array.IndexOf(columns, "cumulative_difference_sek")]));
        Assert.Equal("scenario,wave_year,wave_quarter,destination,system_count,system_ids,systems", waves.Header);
        Assert.Equal(expected.Forecast.Waves.Count, waves.Rows.Count);
        Assert.Contains(waves.Rows, r => r[1] == "2027" && r[3] == "SwedishManaged" && int.Parse(r[4], CultureInfo.InvariantCulture) > 0);
        Assert.Contains($"href=\"/Forecast?name={Calm}&amp;handler=Csv\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Forecast?name={Calm}&amp;handler=CsvWaves\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_Csv_SummaryYearsAndAssumptionsOfThePickedScenarios()
    {
        using var client = await app.SignedInAsync("sourcing");
        var names = $"&names={Calm}&names={Uri.EscapeDataString(PlanningSeed.Surplus)}";

        var summary = await GetCsvAsync(client, "/Forecast/Compare?handler=Csv" + names, "jamforelse");
        var years = await GetCsvAsync(client, "/Forecast/Compare?handler=CsvYears" + names, "jamforelse-per-ar");
        var assumptions = await GetCsvAsync(client, "/Forecast/Compare?handler=CsvAssumptions" + names, "jamforelse-antaganden");
        var html = await client.GetStringAsync("/Forecast/Compare?" + names[1..]);

        Assert.Equal("scenario,moves,freed_fte,net_cost_mkr,surplus_fte_years", summary.Header);
        Assert.Equal([PlanningSeed.Calm, PlanningSeed.Surplus], summary.Rows.Select(r => r[0]));
        var calm = await RunAsync(PlanningSeed.Calm);
        Assert.Equal(calm.Plan.Moves.Count.ToString(CultureInfo.InvariantCulture), summary.Rows[0][1]);
        Assert.Equal(calm.Forecast.FinalFreedFte, Number(summary.Rows[0][2]), 5);
        Assert.Equal("series,is_baseline,year,drift_fte,utveckling_fte,freed_fte,cumulative_net_cost_mkr", years.Header);
        Assert.Contains(years.Rows, r => r[1] == "true");
        Assert.Contains(years.Rows, r => r[0] == PlanningSeed.Surplus && r[1] == "false" && r[2] == "2029");
        Assert.Equal("key,label,scenario,value", assumptions.Header);
        Assert.Contains(assumptions.Rows, r => r[0] == ParameterKeys.RetrainableShare && r[2] == PlanningSeed.Surplus);
        Assert.Contains(assumptions.Rows, r => r[0] == ParameterKeys.RetrainableShare && r[2] == PlanningSeed.Calm);
        Assert.Contains("href=\"/Forecast/Compare?handler=Csv&amp;names=", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Forecast/Compare?handler=CsvYears&amp;names=", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Forecast/Compare?handler=CsvAssumptions&amp;names=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_Csv_OneScenario_IsBadRequest()
    {
        using var client = await app.SignedInAsync("ledning");

        using var response = await client.GetAsync("/Forecast/Compare?handler=Csv&names=" + Calm);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sensitivity_Csv_HasOneRowPerAssumption()
    {
        using var client = await app.SignedInAsync("ledning");
        var run = await RunAsync(PlanningSeed.Calm);
        var expected = SensitivityAnalyzer.Run(run.Plan, run.Assumptions);

        var csv = await GetCsvAsync(client, "/Forecast/Sensitivity?handler=Csv&name=" + Calm, "kanslighet-Utskrift-till-leverantör-2027");

        Assert.Equal("key,label,variation,low_value,base_value,high_value,freed_fte_low,freed_fte_high,net_cost_mkr_low,net_cost_mkr_high,surplus_fte_years_low,surplus_fte_years_high", csv.Header);
        Assert.Equal(expected.Entries.Select(e => e.Key), csv.Rows.Select(r => r[0]));
        var first = expected.Entries[0];
        Assert.Equal(first.Label, csv.Rows[0][1]);
        Assert.Equal(first.NetCostMkrHigh, Number(csv.Rows[0][9]), 5);
        Assert.Contains($"href=\"/Forecast/Sensitivity?name={Calm}&amp;handler=Csv\"", await client.GetStringAsync("/Forecast/Sensitivity?name=" + Calm), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardAssumptions_Csv_HasEveryDefaultWithItsSource()
    {
        using var client = await app.SignedInAsync("ledning");

        var csv = await GetCsvAsync(client, "/Reports/Board?handler=CsvAssumptions", "antaganden");

        Assert.Equal("key,label,default_value,unit,source,source_urls,confidence", csv.Header);
        Assert.Equal(PlanningDefaults.All.Select(p => p.Key), csv.Rows.Select(r => r[0]));
        var vms = Assert.Single(csv.Rows, r => r[0] == ParameterKeys.VmsPerOpsFte);
        Assert.Equal(["Virtuella servrar per driftårsarbetare", "60", "VM/FTE"], vms[1..4]);
        Assert.Contains("href=\"/Reports/Board?handler=CsvAssumptions\"", await client.GetStringAsync("/Reports/Board"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemDetail_Csv_GateAttributesAndResources()
    {
        using var client = await app.SignedInAsync("drift");
        var id = app.SystemId.ToString(CultureInfo.InvariantCulture);

        var gate = await GetCsvAsync(client, "/Systems/Detail?handler=CsvGate&id=" + id, "regelgrind-Journalsystemet");
        var attributes = await GetCsvAsync(client, "/Systems/Detail?handler=CsvAttributes&id=" + id, "uppgifter-Journalsystemet");
        var resources = await GetCsvAsync(client, "/Systems/Detail?handler=CsvResources&id=" + id, "resurser-Journalsystemet");
        var html = await client.GetStringAsync("/Systems/Detail?id=" + id);

        Assert.Equal("system,destination,verdict,deciding_rule_id,deciding_rule_text,conditions,score", gate.Header);
        var cloud = Assert.Single(gate.Rows, r => r[1] == "PublicCloud");
        Assert.Equal(["Journalsystemet", "PublicCloud", "Blocked", "K3-POLICY"], cloud[..4]);
        Assert.Equal("system,attribute,value,origin,origin_at,origin_by", attributes.Header);
        Assert.Equal(["Journalsystemet", "confidentiality", "3", "import", "2026-01-05 11:00:00", "register.xlsx"], Assert.Single(attributes.Rows, r => r[1] == "confidentiality"));
        Assert.Equal("5", Assert.Single(attributes.Rows, r => r[1] == "integration_count")[2]);
        Assert.Equal("system,id,name,kind,os_family,os_version,support,cpu_count,memory_mib,storage_gib", resources.Header);
        Assert.Equal(["web-001", "web-002", "web-003", "web-004"], resources.Rows.Select(r => r[2]).Order(StringComparer.Ordinal));
        Assert.All(resources.Rows, r => Assert.Equal("vm", r[3]));
        foreach (var handler in new[] { "CsvGate", "CsvAttributes", "CsvResources" })
        {
            Assert.Contains($"href=\"/Systems/Detail?id={id}&amp;handler={handler}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SystemDetail_DecisionsCsv_NeutralisesAFormulaReason()
    {
        long id;
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            id = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO sourcing.workload (name, confidentiality, integrity, availability, personal_data, security_classified) VALUES ('Csv-beslutssystem', 3, 3, 3, 'patient_health', false) RETURNING id");
        }

        using var client = await app.SignedInAsync("sourcing");
        var token = await WebAppFixture.TokenAsync(client, $"/Systems/Detail?id={id}");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision.Destination"] = "SwedishManaged",
            ["decision.Reason"] = "=HYPERLINK(\"http://evil\";\"avtal\")",
            ["__RequestVerificationToken"] = token,
        }))
        using (var decided = await client.PostAsync($"/Systems/Detail?handler=Decide&id={id}", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }

        var csv = await GetCsvAsync(client, $"/Systems/Detail?handler=CsvDecisions&id={id}", "beslut-Csv-beslutssystem");

        Assert.Equal("system,decided_at,destination,reason,decided_by,recommended_destination,recommended_confidence", csv.Header);
        var row = Assert.Single(csv.Rows);
        Assert.Equal("Csv-beslutssystem", row[0]);
        Assert.Matches(SwedishTime(), row[1]);
        Assert.Equal(["SwedishManaged", "'=HYPERLINK(\"http://evil\";\"avtal\")", "sourcing"], row[2..5]);
        Assert.Contains($"href=\"/Systems/Detail?id={id}&amp;handler=CsvDecisions\"", await client.GetStringAsync($"/Systems/Detail?id={id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPreview_Csv_HoldsTheChangesAndOnlyForTheUploader()
    {
        using var client = await app.SignedInAsync("sourcing");
        var html = await UploadAsync(client, "register", "register.csv", Encoding.UTF8.GetBytes("System;Förvaltning;K;R;T\nCsv-importsystem;Socialförvaltningen;2;2;1\n"));
        var link = WebUtility.HtmlDecode(CsvLink().Match(html).Groups[1].Value);
        Assert.Matches("^/Imports\\?kind=register&token=[0-9a-f]{32}&handler=Csv$", link);

        var csv = await GetCsvAsync(client, link, "importandringar");

        Assert.Equal("change,name,kind,field,column,old_value,new_value", csv.Header);
        var k = Assert.Single(csv.Rows, r => r[1] == "Csv-importsystem" && r[4] == "K");
        Assert.Equal("added", k[0]);
        Assert.Equal("2", k[6]);
        using var drift = await app.SignedInAsync("drift");
        using (var forbidden = await drift.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
            Assert.StartsWith("/Account/Denied", forbidden.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using var wrongToken = await client.GetAsync("/Imports?kind=register&handler=Csv&token=" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
    }

    [Fact]
    public async Task ImportPreview_RvToolsCsv_ListsTheResourcesToAdd()
    {
        using var client = await app.SignedInAsync("drift");
        var bytes = await File.ReadAllBytesAsync(RepoPaths.Fixture("rvtools", "kubev2v-migration-planner", "example1.xlsx"));
        var html = await UploadAsync(client, "rvtools", "example1.xlsx", bytes, ("source", "rvtools-csvtest"));
        var link = WebUtility.HtmlDecode(CsvLink().Match(html).Groups[1].Value);

        var csv = await GetCsvAsync(client, link, "importandringar");

        Assert.Contains("source=rvtools-csvtest", link, StringComparison.Ordinal);
        Assert.NotEmpty(csv.Rows);
        Assert.All(csv.Rows, r => Assert.Equal("added", r[0]));
        Assert.Contains(csv.Rows, r => r[2] == "vm");
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.source WHERE name = 'rvtools-csvtest'"));
    }

    private static async Task<string> UploadAsync(HttpClient client, string kind, string fileName, byte[] bytes, params (string Name, string Value)[] fields)
    {
        var token = await WebAppFixture.TokenAsync(client, "/Imports");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        using var preview = await client.PostAsync("/Imports?handler=Preview", content);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        return await preview.Content.ReadAsStringAsync();
    }

    private async Task<ScenarioResult> RunAsync(string name)
    {
        using var scope = app.Factory.Services.CreateScope();
        var planning = scope.ServiceProvider.GetRequiredService<PlanningService>();
        var stored = await planning.Store.GetAsync(name, CancellationToken.None);
        return await planning.RunAsync(stored!.Scenario, CancellationToken.None);
    }

    /// <summary>A number cell of the Swedish form (decimal comma).</summary>
    private static double Number(string cell) => double.Parse(cell, NumberStyles.Float, Swedish);

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// Fetches an export and checks what every export shares: 200, text/csv in UTF-8 with BOM, a dated
    /// attachment name. Parsed with the form's separator; <see cref="Csv.Header"/> is joined with commas either way.
    /// </summary>
    private static async Task<Csv> GetCsvAsync(HttpClient client, string path, string fileStem, CsvForm form = CsvForm.Swedish)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches("^" + Regex.Escape(fileStem) + @"-\d{8}\.csv$", disposition.FileNameStar ?? disposition.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "UTF-8 BOM");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var records = Parse(text, CsvExport.Separator(form));
        Assert.All(records, r => Assert.Equal(records[0].Length, r.Length));
        return new Csv(text, string.Join(',', records[0]), records.Skip(1).ToList());
    }

    /// <summary>RFC 4180 (with the form's separator): the separator separates, quotes enclose, doubled quotes escape, CRLF ends a record.</summary>
    private static List<string[]> Parse(string text, char separator)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }

    private sealed record Csv(string Text, string Header, List<string[]> Rows);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex IsoTime();

    /// <summary>A time as the Swedish form writes it (Stockholm time, which Excel reads as a date and time).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex SwedishTime();

    [GeneratedRegex("href=\"(/Imports\\?[^\"]*handler=Csv)\"")]
    private static partial Regex CsvLink();

    [GeneratedRegex("href=\"(/Mapping\\?[^\"]*handler=CsvUnmapped[^\"]*)\"")]
    private static partial Regex UnmappedCsvLink();
}
