using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment.Learning;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Web;

/// <summary>The portfolio pages: systems, decisions, hand edits, mapping and imports, over HTTP.</summary>
[Collection("Web")]
public sealed partial class PortfolioPagesTests(WebAppFixture app)
{
    [Fact]
    public async Task Decide_AllowedDestination_IsRecordedAndShown()
    {
        var id = await NewSystemAsync("Beslutssystem-1", classified: true);
        using var client = await app.SignedInAsync("sourcing");

        using var response = await PostAsync(client, $"/Systems/Detail?id={id}", $"/Systems/Detail?handler=Decide&id={id}",
            new() { ["decision.Destination"] = "SwedishManaged", ["decision.Reason"] = "Avtal med regionens driftpartner" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string Destination, string DecidedBy, string? Recommended)>(
            "SELECT destination, decided_by, recommended_destination FROM sourcing.decision WHERE workload_id = @id", new { id });
        Assert.Equal("SwedishManaged", row.Destination);
        Assert.Equal("sourcing", row.DecidedBy);
        var html = await client.GetStringAsync($"/Systems/Detail?id={id}");
        Assert.Contains("Avtal med regionens driftpartner", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WithoutReason_IsRefusedInSwedish()
    {
        using var client = await app.SignedInAsync("sourcing");

        using var response = await PostAsync(client, $"/Systems/Detail?id={app.SystemId}", $"/Systems/Detail?handler=Decide&id={app.SystemId}",
            new() { ["decision.Destination"] = "InHouse", ["decision.Reason"] = "" });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Motivering måste fyllas i.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_BlockedDestination_IsRefusedNamingTheRule()
    {
        using var client = await app.SignedInAsync("sourcing");

        using var response = await PostAsync(client, $"/Systems/Detail?id={app.SystemId}", $"/Systems/Detail?handler=Decide&id={app.SystemId}",
            new() { ["decision.Destination"] = "PublicCloud", ["decision.Reason"] = "Billigast" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("är blockerad för systemet av regel K3-POLICY", html, StringComparison.Ordinal);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sourcing.decision WHERE workload_id = @id AND destination = 'PublicCloud'", new { id = app.SystemId }));
    }

    [Fact]
    public async Task Decide_DriftUser_IsRefused()
    {
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, $"/Systems/Detail?id={app.SystemId}", $"/Systems/Detail?handler=Decide&id={app.SystemId}",
            new() { ["decision.Destination"] = "InHouse", ["decision.Reason"] = "Drift vill behålla" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sourcing.decision WHERE decided_by = 'drift'"));
    }

    [Fact]
    public async Task Detail_WithTrainedModel_ShowsSuggestionBesideRules()
    {
        var store = app.Factory.Services.GetRequiredService<AssessmentStore>();
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 40; i++)
        {
            var saas = i % 2 == 0;
            var id = await NewSystemAsync($"Lärsystem-{i:00}", classified: !saas);
            var workload = new Workload
            {
                Id = id,
                Name = $"Lärsystem-{i:00}",
                Confidentiality = saas ? 1 : 3,
                Integrity = saas ? 1 : 3,
                Availability = saas ? 1 : 3,
                PersonalData = saas ? PersonalDataCategory.None : PersonalDataCategory.PatientHealth,
                SecurityClassified = false,
                SaasAvailable = saas ? Tristate.Yes : Tristate.No,
                IntegrationCount = i % 7,
            };
            await store.AddDecisionAsync(workload, saas ? Destination.Saas : Destination.InHouse, "Lärexempel", "test", at.AddMinutes(i), null, CancellationToken.None);
        }

        try
        {
            var result = await app.Factory.Services.GetRequiredService<TrainModelJob>().RunAsync(CancellationToken.None);
            Assert.Equal(TrainingStatus.Trained, result.Status);
            using var client = await app.SignedInAsync("sourcing");

            var html = await client.GetStringAsync($"/Systems/Detail?id={app.SystemId}");

            Assert.Contains("Modellen föreslår", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"no-model\"", html, StringComparison.Ordinal);
        }
        finally
        {
            // Other tests expect "too few decisions": the model goes, the decisions may stay.
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM sourcing.ml_model");
        }
    }

    [Fact]
    public async Task Edit_ByHand_WritesOriginHandAndReassesses()
    {
        var id = await NewSystemAsync("Handredigerat", classified: false);
        using var client = await app.SignedInAsync("sourcing");

        using var response = await PostAsync(client, $"/Systems/Detail?id={id}", $"/Systems/Detail?handler=Edit&id={id}", new()
        {
            ["edit.Confidentiality"] = "2",
            ["edit.Integrity"] = "1",
            ["edit.Availability"] = "",
            ["edit.PersonalData"] = "Ordinary",
            ["edit.AvailabilityNeed"] = "OfficeHours",
            ["edit.MedicalDevice"] = "false",
            ["edit.InHouseBuilt"] = "",
            ["edit.SaasAvailable"] = "Yes",
            ["edit.IntegrationCount"] = "4",
            ["edit.ContractEnd"] = "2027-06-30",
            ["edit.Lifecycle"] = "InUse",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(short? K, short? T, string Saas, DateTime? End, string? Origin, string? By)>(
            """
            SELECT confidentiality, availability, saas_available, contract_end::timestamp,
                   origins -> 'confidentiality' ->> 'origin', origins -> 'confidentiality' ->> 'by'
            FROM sourcing.workload WHERE id = @id
            """, new { id });
        Assert.Equal((short)2, row.K);
        Assert.Null(row.T);
        Assert.Equal("yes", row.Saas);
        Assert.Equal(new DateTime(2027, 6, 30), row.End);
        Assert.Equal("hand", row.Origin);
        Assert.Equal("sourcing", row.By);
        // Lifecycle was already in_use: an unchanged value keeps its origin.
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT origins ? 'lifecycle' FROM sourcing.workload WHERE id = @id", new { id }));
        // The analysis ran with the edit before the redirect: the stored assessment (what the page
        // shows after it, and the list) already has K2.
        var stored = await app.Factory.Services.GetRequiredService<AssessmentStore>().GetAssessmentAsync(id, CancellationToken.None);
        Assert.Equal(2, stored!.ToAssessment().Gate.Facts.Confidentiality);
    }

    [Fact]
    public async Task Edit_LevelOutOfRange_IsRejectedAndNothingWritten()
    {
        var id = await NewSystemAsync("Felinmatat", classified: false);
        using var client = await app.SignedInAsync("sourcing");

        using var response = await PostAsync(client, $"/Systems/Detail?id={id}", $"/Systems/Detail?handler=Edit&id={id}",
            new() { ["edit.Confidentiality"] = "7", ["edit.PersonalData"] = "None", ["edit.Lifecycle"] = "InUse" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal("unknown", await connection.ExecuteScalarAsync<string>("SELECT personal_data FROM sourcing.workload WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Systems_AfterAnalysis_ShowRecommendationAndMissingData()
    {
        await app.Factory.Services.GetRequiredService<AnalyzeJob>().RunAsync(CancellationToken.None);
        using var client = await app.SignedInAsync("sourcing");

        var missing = await client.GetStringAsync("/Systems?rec=missing");
        var detail = await client.GetStringAsync($"/Systems/Detail?id={app.UnclassifiedSystemId}");
        var classified = await client.GetStringAsync($"/Systems/Detail?id={app.SystemId}");

        Assert.Contains("Oklassat &lt;i&gt;system&lt;/i&gt;", missing, StringComparison.Ordinal);
        Assert.DoesNotContain(">Journalsystemet<", missing, StringComparison.Ordinal);
        Assert.Contains("Underlag saknas", missing, StringComparison.Ordinal);
        Assert.Contains("Konfidentialitet (K) enligt KLASSA", detail, StringComparison.Ordinal);
        Assert.Contains("För få beslut för att lära", detail, StringComparison.Ordinal);
        Assert.Contains("web-001", classified, StringComparison.Ordinal);
        Assert.Contains("register.xlsx", classified, StringComparison.Ordinal);
        Assert.Contains("Blockerad", classified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemsExports_CsvAndXlsx_HoldTheFilteredSystems()
    {
        await app.Factory.Services.GetRequiredService<AnalyzeJob>().RunAsync(CancellationToken.None);
        using var client = await app.SignedInAsync("drift");

        var csv = await client.GetStringAsync("/Systems?handler=Csv&k=3");
        using var response = await client.GetAsync("/Systems?handler=Xlsx&k=3");
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var workbook = new XLWorkbook(stream);

        var lines = csv.TrimStart('\uFEFF').Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;name;department;k;", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(1), l => l.Contains(";Journalsystemet;", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Oklassat", StringComparison.Ordinal));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("System", sheet.Cell(1, 1).GetString());
        var journal = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Journalsystemet");
        Assert.Equal(4, journal.Cell(6).GetValue<int>());
        Assert.DoesNotContain(sheet.RowsUsed(), r => r.Cell(1).GetString().StartsWith("Oklassat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportPreview_Register_WritesNothingUntilConfirmed()
    {
        using var client = await app.SignedInAsync("sourcing");
        var csv = "System;Förvaltning;K;R;T\nImporttest-system;Socialförvaltningen;2;2;1\n";

        using var preview = await UploadAsync(client, "register", "register.csv", Encoding.UTF8.GetBytes(csv));
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Förhandsgranskning", html, StringComparison.Ordinal);
        Assert.Contains("Importtest-system", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountSystemsAsync("Importtest-system"));

        var token = TokenField().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        using var confirm = await PostAsync(client, "/Imports", "/Imports?handler=Confirm", new() { ["kind"] = "register", ["token"] = token });

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Importerat", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountSystemsAsync("Importtest-system"));
    }

    [Fact]
    public async Task ImportPreview_60MbUpload_ShowsSizeAndLimitInSwedishAndStoresNothing()
    {
        using var client = await app.SignedInAsync("sourcing");
        var name = "stor-" + Guid.NewGuid().ToString("N");

        using var upload = await UploadAsync(client, "register", name + ".csv", new byte[60 * 1024 * 1024]);

        // Not an empty 400: back to the page, which names the file's size and the limit.
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal("/Imports?storlek=61", upload.Headers.Location?.OriginalString);
        var html = await client.GetStringAsync(upload.Headers.Location);
        Assert.Contains("Filen är 61 MB; största tillåtna storlek är 50 MB. Ingenting har lästs in.", html, StringComparison.Ordinal);
        Assert.Empty(UploadsNamed(name));
    }

    [Fact]
    public async Task ImportUploads_RefusedPreviewAndConfirmedImport_LeaveNoFileBehind()
    {
        using var client = await app.SignedInAsync("sourcing");
        var refused = "nekad-" + Guid.NewGuid().ToString("N");
        var accepted = "godkand-" + Guid.NewGuid().ToString("N");

        using var bad = await UploadAsync(client, "register", refused + ".csv", Encoding.UTF8.GetBytes("System;K\nFelimport;9\n"));
        Assert.Contains("Rad 2, kolumn &quot;K&quot;", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(UploadsNamed(refused));

        using var good = await UploadAsync(client, "register", accepted + ".csv", Encoding.UTF8.GetBytes("System;K\nStädtest-system;2\n"));
        var token = TokenField().Match(await good.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Single(UploadsNamed(accepted));
        using var confirm = await PostAsync(client, "/Imports", "/Imports?handler=Confirm", new() { ["kind"] = "register", ["token"] = token });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Empty(UploadsNamed(accepted));
    }

    /// <summary>Waiting uploads whose file carries <paramref name="name"/> (each test uses a unique name).</summary>
    private static string[] UploadsNamed(string name)
    {
        var root = Path.Combine(Path.GetTempPath(), "sourcing-imports");
        return Directory.Exists(root) ? Directory.GetFiles(root, name + ".*", SearchOption.AllDirectories) : [];
    }

    [Fact]
    public async Task ImportPreview_InvalidValue_ShowsRowAndColumnAndWritesNothing()
    {
        using var client = await app.SignedInAsync("sourcing");

        using var preview = await UploadAsync(client, "register", "fel.csv", Encoding.UTF8.GetBytes("System;K\nFelimport;9\n"));
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Contains("Rad 2, kolumn &quot;K&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"token\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountSystemsAsync("Felimport"));
    }

    [Fact]
    public async Task ImportPreview_RvTools_ShowsPlanAndCreatesNoSource()
    {
        using var client = await app.SignedInAsync("drift");
        var bytes = await File.ReadAllBytesAsync(RepoPaths.Fixture("rvtools", "kubev2v-migration-planner", "example1.xlsx"));

        using var preview = await UploadAsync(client, "rvtools", "example1.xlsx", bytes, ("source", "rvtools-webtest"));
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Förhandsgranskning", html, StringComparison.Ordinal);
        Assert.Contains("rvtools-webtest", html, StringComparison.Ordinal);
        Assert.Matches(TokenField(), html);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.source WHERE name = 'rvtools-webtest'"));
    }

    [Fact]
    public async Task Mapping_AddAndDeleteRule_ChangesTheRuleList()
    {
        using var client = await app.SignedInAsync("sourcing");

        using var added = await PostAsync(client, "/Mapping", "/Mapping?handler=AddRule", new()
        {
            ["kind"] = "NamePattern", ["position"] = "500", ["matchRegex"] = "^(?<workload>lab)-", ["description"] = "Labbregel <b>",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM sourcing.mapping_rule WHERE description = 'Labbregel <b>'");
        Assert.Contains("Labbregel &lt;b&gt;", await client.GetStringAsync("/Mapping"), StringComparison.Ordinal);

        using var deleted = await PostAsync(client, "/Mapping", $"/Mapping?handler=DeleteRule&id={id}", []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.mapping_rule WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task ImportRegister_DriftUser_IsRefused()
    {
        using var client = await app.SignedInAsync("drift");

        using var response = await UploadAsync(client, "register", "register.csv", Encoding.UTF8.GetBytes("System\nDriftimport\n"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await CountSystemsAsync("Driftimport"));
    }

    [Fact]
    public async Task Mapping_BulkAssign_PutsCheckedResourcesInSystem()
    {
        var id = await NewSystemAsync("Kopplingsmål", classified: false);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var resources = (await connection.QueryAsync<long>("SELECT id FROM sourcing.resource WHERE name IN ('web-010', 'web-011')")).ToList();
        using var client = await app.SignedInAsync("drift");
        var token = await WebAppFixture.TokenAsync(client, "/Mapping");
        var form = resources.Select(r => new KeyValuePair<string, string>("resourceIds", r.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        form.Add(new("workloadId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        form.Add(new("__RequestVerificationToken", token));

        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync("/Mapping?handler=Assign", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sourcing.resource_assignment WHERE workload_id = @id AND how = 'hand' AND assigned_by = 'drift'", new { id }));
        var html = await client.GetStringAsync("/Mapping");
        Assert.DoesNotContain(">web-010<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_IsServedAndSameAsDocs()
    {
        using var client = await app.SignedInAsync("sourcing");

        var served = await client.GetByteArrayAsync("/templates/objektregister-mall.csv");

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "docs", "templates", "objektregister-mall.csv")), served);
    }

    private async Task<long> NewSystemAsync(string name, bool classified)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            classified
                ? "INSERT INTO sourcing.workload (name, confidentiality, integrity, availability, personal_data, security_classified) VALUES (@name, 3, 3, 3, 'patient_health', false) RETURNING id"
                : "INSERT INTO sourcing.workload (name) VALUES (@name) RETURNING id",
            new { name });
    }

    private async Task<int> CountSystemsAsync(string name)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.workload WHERE name = @name", new { name });
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebAppFixture.TokenAsync(client, formPage);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string fileName, byte[] bytes, params (string Name, string Value)[] fields)
    {
        var token = await WebAppFixture.TokenAsync(client, "/Imports");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(kind), "kind");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", fileName);
        return await client.PostAsync("/Imports?handler=Preview", content);
    }

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenField();
}
