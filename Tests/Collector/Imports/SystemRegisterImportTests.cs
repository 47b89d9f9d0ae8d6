using System.Text;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Imports;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Imports;

public sealed class SystemRegisterImportTests : IClassFixture<PostgresDatabase>, IAsyncLifetime, IDisposable
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly PostgresDatabase _database;
    private readonly string _dir = Directory.CreateTempSubdirectory("register-").FullName;

    public SystemRegisterImportTests(PostgresDatabase database) => _database = database;

    private SystemRegisterImport Import => new(_database.DataSource, Clock);

    public async Task InitializeAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM sourcing.workload; DELETE FROM sourcing.management_object;");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Csv(string name, string text, bool bom = false)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }

    private string Xlsx(string name, string sheet, params object?[][] rows)
    {
        var path = Path.Combine(_dir, name);
        using var workbook = new XLWorkbook();
        var ws = workbook.AddWorksheet(sheet);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                ws.Cell(r + 1, c + 1).Value = rows[r][c];
            }
        }

        workbook.SaveAs(path);
        return path;
    }

    private const string GoodCsv =
        """
        System;Förvaltningsobjekt;Förvaltning;Objektägare;K;R;T;Personuppgifter;Tillgänglighetsbehov;Medicinteknik;SaaS finns;Integrationer;Avtalsslut;Livscykel;Kommentar
        Cosmic;Vårdinformation;Hälso- och sjukvårdsförvaltningen;Eva Ek;3;3;4;patientdata;dygnet runt;ja;nej;42;2028-12-31;i bruk;journal
        Procapita;Omsorg;Socialförvaltningen;Per Berg;3;2;2;känsliga;kontorstid;nej;ja;5;;ersätts;
        """;

    [Fact]
    public async Task RunAsync_SemicolonCsvWithBom_ImportsEveryAttributeWithImportOrigin()
    {
        var report = await Import.RunAsync(Csv("register.csv", GoodCsv, bom: true), dryRun: false, CancellationToken.None);

        Assert.Equal((2, 0, 0), (report.Added, report.Changed, report.Unchanged));
        Assert.Equal(["Vårdinformation", "Omsorg"], report.NewObjects);
        Assert.Equal(["Kommentar"], report.IgnoredColumns);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var cosmic = await connection.QuerySingleAsync(
            """
            SELECT w.confidentiality, w.availability, w.personal_data, w.availability_need, w.medical_device, w.saas_available,
                   w.integration_count, w.contract_end, w.lifecycle, d.name AS department, o.name AS object, w.object_owner,
                   w.origins -> 'confidentiality' ->> 'origin' AS origin, w.origins -> 'confidentiality' ->> 'by' AS origin_by
            FROM sourcing.workload w JOIN sourcing.department d ON d.id = w.department_id
            JOIN sourcing.management_object o ON o.id = w.management_object_id WHERE w.name = 'Cosmic'
            """);
        Assert.Equal((short)3, (short)cosmic.confidentiality);
        Assert.Equal((short)4, (short)cosmic.availability);
        Assert.Equal("patient_health", (string)cosmic.personal_data);
        Assert.Equal("twenty_four_seven", (string)cosmic.availability_need);
        Assert.True((bool)cosmic.medical_device);
        Assert.Equal("no", (string)cosmic.saas_available);
        Assert.Equal(42, (int)cosmic.integration_count);
        Assert.Equal(new DateOnly(2028, 12, 31), (DateOnly)cosmic.contract_end);
        Assert.Equal("Hälso- och sjukvårdsförvaltningen", (string)cosmic.department);
        Assert.Equal("Vårdinformation", (string)cosmic.@object);
        Assert.Equal(("import", "register.csv"), ((string)cosmic.origin, (string)cosmic.origin_by));
    }

    [Fact]
    public async Task RunAsync_SameFileTwice_SecondRunReportsNoChanges_AndChangedCellIsOldToNew()
    {
        var path = Csv("register.csv", GoodCsv);
        await Import.RunAsync(path, dryRun: false, CancellationToken.None);

        var again = await Import.RunAsync(path, dryRun: false, CancellationToken.None);
        Assert.Empty(again.Changes);
        Assert.Equal(2, again.Unchanged);

        var changed = Csv("register2.csv", GoodCsv.Replace("Procapita;Omsorg;Socialförvaltningen;Per Berg;3;", "procapita;Omsorg;Socialförvaltningen;Per Berg;4;", StringComparison.Ordinal));
        var dry = await Import.RunAsync(changed, dryRun: true, CancellationToken.None);
        var change = Assert.Single(dry.Changes);
        Assert.Equal(("Procapita", false), (change.Name, change.Added)); // names match case-insensitively
        Assert.Equal([new FieldChange("confidentiality", "K", "3", "4")], change.Fields);
        var output = new StringWriter();
        dry.WriteTo(output);
        Assert.Contains("    K: 3 → 4", output.ToString(), StringComparison.Ordinal);

        // The dry run wrote nothing: a real run still finds the change.
        Assert.Single((await Import.RunAsync(changed, dryRun: false, CancellationToken.None)).Changes);
        Assert.Empty((await Import.RunAsync(changed, dryRun: false, CancellationToken.None)).Changes);
    }

    [Fact]
    public async Task RunAsync_CommaCsvWithEnglishHeaders_Imports()
    {
        var path = Csv("register-en.csv",
            """
            System name,Department,Confidentiality,Integrity,Availability,Personal data,Availability need,In-house built,Contract end,Lifecycle
            HR-systemet,Regionstyrelseförvaltningen,2,2,1,ordinary,office hours,no,2027-06-30,to be retired
            """);

        var report = await Import.RunAsync(path, dryRun: false, CancellationToken.None);

        var added = Assert.Single(report.Changes);
        Assert.Equal("HR-systemet", added.Name);
        Assert.Equal(["department", "confidentiality", "integrity", "availability", "personal_data", "availability_need", "in_house_built", "contract_end", "lifecycle"],
            added.Fields.Select(f => f.Attribute));
        Assert.Equal("to_be_retired", added.Fields.Single(f => f.Attribute == "lifecycle").New);
    }

    [Fact]
    public async Task RunAsync_Xlsx_ReadsNumbersAndDates()
    {
        var path = Xlsx("register.xlsx", "System",
            ["System", "Förvaltning", "K", "Avtalsslut", "Säkerhetsskydd"],
            ["Lifecare", "Socialförvaltningen", 2, new DateTime(2029, 1, 31), "nej"]);

        var report = await Import.RunAsync(path, dryRun: false, CancellationToken.None);

        var fields = Assert.Single(report.Changes).Fields.ToDictionary(f => f.Attribute, f => f.New);
        Assert.Equal("2", fields["confidentiality"]);
        Assert.Equal("2029-01-31", fields["contract_end"]);
        Assert.Equal("false", fields["security_classified"]);
    }

    [Fact]
    public async Task RunAsync_BadValuesInXlsx_AllReportedWithSheetRowColumn_AndNothingWritten()
    {
        var path = Xlsx("fel.xlsx", "System",
            ["System", "Förvaltning", "K", "Avtalsslut", "Medicinteknik"],
            ["Cosmic", "Hälso- och sjukvårdsförvaltningen", 5, "2028-12-31", "ja"],
            ["Procapita", "Fritidsförvaltningen", 2, "31/12/2028", "kanske"],
            ["cosmic", "Socialförvaltningen", 1, "", ""]);

        var e = await Assert.ThrowsAsync<ImportFileException>(() => Import.RunAsync(path, dryRun: false, CancellationToken.None));

        Assert.Equal(
        [
            "Blad \"System\", rad 2, kolumn \"K\": \"5\" är inte giltigt; förväntat en nivå 0–4.",
            "Blad \"System\", rad 3, kolumn \"Förvaltning\": \"Fritidsförvaltningen\" är inte giltigt; förväntat en av förvaltningarna Hälso- och sjukvårdsförvaltningen, Regionstyrelseförvaltningen, Samhällsbyggnadsförvaltningen, Socialförvaltningen, Tekniska förvaltningen, Utbildningsförvaltningen.",
            "Blad \"System\", rad 3, kolumn \"Avtalsslut\": \"31/12/2028\" är inte giltigt; förväntat ett datum ÅÅÅÅ-MM-DD, t.ex. 2027-12-31.",
            "Blad \"System\", rad 3, kolumn \"Medicinteknik\": \"kanske\" är inte giltigt; förväntat ja, nej, yes eller no.",
            "Blad \"System\", rad 4, kolumn \"System\": systemet \"cosmic\" finns redan på rad 2; varje system får bara finnas på en rad.",
        ], e.Errors);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.workload"));
    }

    [Fact]
    public async Task RunAsync_BadLevelInCsv_NamesRowAndColumn()
    {
        var e = await Assert.ThrowsAsync<ImportFileException>(() => Import.RunAsync(Csv("k.csv", "System;K\nCosmic;5\n"), dryRun: true, CancellationToken.None));

        Assert.Equal("Rad 2, kolumn \"K\": \"5\" är inte giltigt; förväntat en nivå 0–4.", e.Message);
    }

    [Fact]
    public async Task RunAsync_BadFiles_ExactMessages()
    {
        var empty = Csv("tom.csv", "");
        var headerOnly = Csv("rubrik.csv", "System;K\n");
        var noName = Csv("utan-namn.csv", "Namnet;K\nCosmic;3\n");
        var notXlsx = Csv("text.xlsx", "System;K\nCosmic;3\n");
        var latin1 = Path.Combine(_dir, "ansi.csv");
        File.WriteAllBytes(latin1, [.. Encoding.ASCII.GetBytes("System;K\nV"), 0xE5, .. Encoding.ASCII.GetBytes("rd;3\n")]);
        var huge = Path.Combine(_dir, "stor.xlsx");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(200L * 1024 * 1024); // sparse: refused from its size, never read
        }

        async Task<string> Message(string path) => (await Assert.ThrowsAsync<ImportFileException>(() => Import.RunAsync(path, dryRun: false, CancellationToken.None))).Message;

        Assert.Equal("Filen \"tom.csv\" är tom.", await Message(empty));
        Assert.Equal("Filen \"rubrik.csv\" har inga rader med system under rubrikraden.", await Message(headerOnly));
        Assert.Equal("Filen \"utan-namn.csv\" saknar kolumnen \"System\" (systemets namn; även \"Systemnamn\" eller \"Name\") på första raden.", await Message(noName));
        Assert.Equal("Filen \"text.xlsx\" är ingen XLSX-fil (Excel-arbetsbok); spara den som .xlsx och försök igen.", await Message(notXlsx));
        Assert.Equal("Filen \"ansi.csv\" är inte UTF-8; spara den som \"CSV UTF-8\" eller som .xlsx.", await Message(latin1));
        Assert.Equal("Filen \"stor.xlsx\" är 200,0 MB; största tillåtna storlek är 50 MB.", await Message(huge));
    }

    [Fact]
    public async Task ImportSystemsCommand_DryRunPrintsChanges_BadFileExits65()
    {
        await using var services = CliRunner.Services(_database, s => s.AddSingleton(Clock));

        var (code, output, _) = await CliRunner.RunAsync(services, "import", "systems", Csv("r.csv", GoodCsv), "--dry-run");
        Assert.Equal(0, code);
        Assert.StartsWith("Systemregister \"r.csv\": 2 nya system, 0 ändrade, 0 oförändrade.", output, StringComparison.Ordinal);
        Assert.Equal(65, (await CliRunner.RunAsync(services, "import", "systems", Csv("tom.csv", ""))).Code);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.workload"));
    }

    [Fact]
    public void Template_InDocs_ImportsCleanly()
    {
        var template = Path.Combine(RepoPaths.Root, "docs", "templates", "objektregister-mall.csv");
        var departments = new Dictionary<string, string> { ["hälso- och sjukvårdsförvaltningen"] = "Hälso- och sjukvårdsförvaltningen", ["socialförvaltningen"] = "Socialförvaltningen" };

        var file = SystemRegisterReader.Read(template, departments, 1024 * 1024);

        Assert.Empty(file.IgnoredColumns);
        Assert.Equal(20, file.Rows[0].Values.Count + 1); // every column of the template is read (name + 19 attributes)
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
