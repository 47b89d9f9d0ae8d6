using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Dapper;
using Sourcing.Collector.Imports;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Imports;

/// <summary>
/// The bad-input corpus (issue 16): files the test writes itself (bombs, XXE, billion laughs, wrong encodings,
/// huge cells and rows, truncated zips, formulas), each run through both importers for real (not a dry run)
/// against PostgreSQL. Each is refused with its Swedish message, and nothing is written: the tables an import
/// writes hold the same rows afterwards.
/// </summary>
public sealed class BadInputCorpusTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _database;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sourcing-corpus-");

    public BadInputCorpusTests(PostgresDatabase database) => _database = database;

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>Workbooks: refused by the system-register import and the RVTools import alike.</summary>
    public static TheoryData<string, string> Workbooks => new()
    {
        { "bomb", "blir för stor uppackad" },
        { "xxe", "innehåller en DTD" },
        { "billion-laughs", "innehåller en DTD" },
        { "huge-inline-cell", "Blad \"Data\", rad 2, kolumn A: cellen har 40 000 tecken; högst 32 767 tillåts." },
        { "huge-shared-string", "Blad \"Data\", rad 3, kolumn B: cellen har 50 000 tecken; högst 32 767 tillåts." },
        { "far-column", "Blad \"Data\", rad 2: kolumn ZZZ ligger bortom den största tillåtna" },
        { "truncated", "ingen XLSX-fil" },
        { "text-named-xlsx", "ingen XLSX-fil" },
        { "broken-xml", "ingen XLSX-fil" },
    };

    [Theory]
    [MemberData(nameof(Workbooks))]
    public async Task Workbook_BothImporters_RefuseWithSwedishMessageAndWriteNothing(string kind, string expected)
    {
        var path = WriteWorkbook(kind);
        var before = await CountsAsync();

        var register = await Assert.ThrowsAsync<ImportFileException>(() => new SystemRegisterImport(_database.DataSource, TimeProvider.System).RunAsync(path, dryRun: false, CancellationToken.None));
        var rvtools = await Assert.ThrowsAsync<ImportFileException>(() => new RvToolsImport(_database.DataSource, TimeProvider.System).RunAsync(path, "korpus-" + kind, dryRun: false, CancellationToken.None));

        Assert.Contains(expected, register.Message, StringComparison.Ordinal);
        Assert.Contains(expected, rvtools.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Workbook_RowsBeyondEachImportersLimit_RefusedBeforeLoading()
    {
        // 20,001 data rows: one more than a register may hold, far fewer than an RVTools sheet may.
        var path = Path.Combine(_dir.FullName, "rows.xlsx");
        WriteRawWorkbook(path, "vInfo", Rows(ImportLimits.Register.MaxRows + 1));
        var before = await CountsAsync();

        var register = await Assert.ThrowsAsync<ImportFileException>(() => new SystemRegisterImport(_database.DataSource, TimeProvider.System).RunAsync(path, dryRun: false, CancellationToken.None));
        Assert.Equal("Blad \"vInfo\" har fler än 20 000 rader med data; dela upp filen.", register.Message);

        // The same rows are within RVTools' limit; its 200,001st data row is not.
        WriteRawWorkbook(path, "vInfo", Rows(ImportLimits.RvTools.MaxRows + 1));
        var rvtools = await Assert.ThrowsAsync<ImportFileException>(() => new RvToolsImport(_database.DataSource, TimeProvider.System).RunAsync(path, "korpus-rader", dryRun: false, CancellationToken.None));
        Assert.Equal("Blad \"vInfo\" har fler än 200 000 rader med data; dela upp filen.", rvtools.Message);
        Assert.Equal(before, await CountsAsync());

        static IEnumerable<string> Rows(int dataRows)
        {
            yield return """<row r="1"><c r="A1" t="inlineStr"><is><t>VM</t></is></c></row>""";
            for (var r = 2; r <= dataRows + 1; r++)
            {
                yield return $"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>vm-{r}</t></is></c></row>""";
            }
        }
    }

    [Fact]
    public void Workbook_CellOf32MillionCharacters_RefusedWithLittleMemory()
    {
        // The probe's system name of 32 million characters: 32 MB of XML in one cell, well inside the zip limits.
        var path = Path.Combine(_dir.FullName, "namn.xlsx");
        WriteRawWorkbook(path, "System", ["""<row r="1"><c r="A1" t="inlineStr"><is><t>System</t></is></c></row>""", """<row r="2"><c r="A2" t="inlineStr"><is><t>"""], trailer: """</t></is></c></row>""", filler: 32_000_000, randomFiller: true);

        GC.Collect();
        var before = Process.GetCurrentProcess().PrivateMemorySize64;
        var e = Assert.Throws<ImportFileException>(() => ImportFiles.OpenWorkbook(path, ImportLimits.Register));
        var grew = Process.GetCurrentProcess().PrivateMemorySize64 - before;

        Assert.Equal("Blad \"System\", rad 2, kolumn A: cellen har 32 000 000 tecken; högst 32 767 tillåts.", e.Message);
        Assert.True(grew < 100L * 1024 * 1024, $"memory grew {grew / 1048576} MB");
    }

    /// <summary>CSV: only the register reads CSV.</summary>
    public static TheoryData<string, string> CsvFiles => new()
    {
        { "windows-1252", "är inte UTF-8" },
        { "utf-16", "är inte UTF-8" },
        { "nul", "är ingen CSV-fil" },
        { "huge-cell", "Rad 3: en cell har fler än 32 767 tecken; högst 32 767 tillåts." },
        { "many-rows", "har fler än 20 000 rader med data; dela upp filen." },
        { "many-columns", "Rad 1 har 201 kolumner; högst 200 tillåts." },
        { "long-name", "Rad 2, kolumn \"System\": systemnamnet har 300 tecken; högst 200 tillåts." },
        { "long-text", "Rad 2, kolumn \"Förvaltningsobjekt\": \"kkkk" },
    };

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public async Task Csv_Register_RefusesWithSwedishMessageAndWritesNothing(string kind, string expected)
    {
        var path = WriteCsv(kind);
        var before = await CountsAsync();

        var e = await Assert.ThrowsAsync<ImportFileException>(() => new SystemRegisterImport(_database.DataSource, TimeProvider.System).RunAsync(path, dryRun: false, CancellationToken.None));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Csv_LongFreeText_NamesTheLimit()
    {
        var path = WriteCsv("long-text");

        var e = await Assert.ThrowsAsync<ImportFileException>(() => new SystemRegisterImport(_database.DataSource, TimeProvider.System).RunAsync(path, dryRun: true, CancellationToken.None));

        Assert.Contains("förväntat text med högst 2000 tecken (cellen har 2500)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workbook_Formula_IsReadAsTheValueExcelSavedAndNeverEvaluated()
    {
        // A register whose system name is a formula Excel saved as "Cosmic": the import reads "Cosmic". The
        // formula (a WEBSERVICE call) is never evaluated; a formula-looking text stays text.
        var path = Path.Combine(_dir.FullName, "formel.xlsx");
        WriteRawWorkbook(path, "System",
        [
            """<row r="1"><c r="A1" t="inlineStr"><is><t>System</t></is></c><c r="B1" t="inlineStr"><is><t>Objektägare</t></is></c></row>""",
            """<row r="2"><c r="A2" t="str"><f>IF(TRUE,"Cosmic",WEBSERVICE("http://evil.example/"))</f><v>Cosmic</v></c><c r="B2" t="inlineStr"><is><t>=cmd|' /C calc'!A0</t></is></c></row>""",
        ]);

        var report = await new SystemRegisterImport(_database.DataSource, TimeProvider.System).RunAsync(path, dryRun: true, CancellationToken.None);

        var change = Assert.Single(report.Changes);
        Assert.Equal("Cosmic", change.Name);
        Assert.Contains(change.Fields, f => f.New == "=cmd|' /C calc'!A0");
    }

    private async Task<(long Workloads, long Objects, long Sources, long Resources, long History, long Scans)> CountsAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(long, long, long, long, long, long)>("""
            SELECT (SELECT count(*) FROM sourcing.workload), (SELECT count(*) FROM sourcing.management_object),
                   (SELECT count(*) FROM sourcing.source), (SELECT count(*) FROM sourcing.resource),
                   (SELECT count(*) FROM sourcing.resource_history), (SELECT count(*) FROM sourcing.scan)
            """);
    }

    private string WriteWorkbook(string kind)
    {
        var path = Path.Combine(_dir.FullName, kind + ".xlsx");
        const string header = """<row r="1"><c r="A1" t="inlineStr"><is><t>System</t></is></c><c r="B1" t="inlineStr"><is><t>VM</t></is></c></row>""";
        switch (kind)
        {
            case "bomb":
                WriteRawWorkbook(path, "Data", [header, """<row r="2"><c r="A2" t="inlineStr"><is><t>"""], trailer: """</t></is></c></row>""", filler: 1L << 30);
                break;
            case "xxe":
                WriteRawWorkbook(path, "Data", [header, """<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row>"""], doctype: """<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""");
                break;
            case "billion-laughs":
                WriteRawWorkbook(path, "Data", [header, """<row r="2"><c r="A2" t="s"><v>0</v></c></row>"""], sharedStrings: """<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&d;&d;&d;&d;</t></si></sst>""");
                break;
            case "huge-inline-cell":
                WriteRawWorkbook(path, "Data", [header, $"""<row r="2"><c r="A2" t="inlineStr"><is><t>{new string('x', 40_000)}</t></is></c></row>"""]);
                break;
            case "huge-shared-string":
                WriteRawWorkbook(path, "Data", [header, """<row r="2"><c r="A2" t="s"><v>0</v></c></row>""", """<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c></row>"""],
                    sharedStrings: $"""<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Cosmic</t></si><si><r><t>{new string('y', 25_000)}</t></r><r><t>{new string('z', 25_000)}</t></r></si></sst>""");
                break;
            case "far-column":
                WriteRawWorkbook(path, "Data", [header, """<row r="2"><c r="ZZZ2" t="inlineStr"><is><t>x</t></is></c></row>"""]);
                break;
            case "truncated":
                WriteRawWorkbook(path, "Data", [header]);
                var bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "text-named-xlsx":
                File.WriteAllText(path, "System;VM\nCosmic;vm-1\n");
                break;
            case "broken-xml":
                WriteRawWorkbook(path, "Data", [header, """<row r="2"><c r="A2" t="inlineStr"><is><t>Cosmic</is></c></row>"""]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }

        return path;
    }

    private string WriteCsv(string kind)
    {
        var path = Path.Combine(_dir.FullName, kind + ".csv");
        const string header = "System;Förvaltningsobjekt;Kommentar\n";
        switch (kind)
        {
            case "windows-1252":
                File.WriteAllBytes(path, Encoding.Latin1.GetBytes(header + "Växjö-journalen;Vård;\n"));
                break;
            case "utf-16":
                File.WriteAllText(path, header + "Cosmic;Vård;\n", Encoding.Unicode);
                break;
            case "nul":
                File.WriteAllText(path, header + "Cos\0mic;Vård;\n");
                break;
            case "huge-cell":
                File.WriteAllText(path, header + "Cosmic;Vård;ok\nProcapita;Omsorg;\"" + new string('x', 40_000) + "\"\n");
                break;
            case "many-rows":
                File.WriteAllText(path, header + string.Concat(Enumerable.Range(1, ImportLimits.Register.MaxRows + 1).Select(i => $"System {i};Objekt;\n")));
                break;
            case "many-columns":
                File.WriteAllText(path, string.Join(';', Enumerable.Range(1, 201).Select(i => i == 1 ? "System" : "Extra" + i)) + "\nCosmic\n");
                break;
            case "long-name":
                File.WriteAllText(path, header + new string('N', 300) + ";Vård;\n");
                break;
            case "long-text":
                File.WriteAllText(path, header + "Cosmic;" + new string('k', 2500) + ";\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }

        return path;
    }

    /// <summary>
    /// A minimal workbook with one sheet written as raw XML, so the test controls every byte the importers see.
    /// <paramref name="filler"/> characters are streamed between the rows and <paramref name="trailer"/>.
    /// </summary>
    private static void WriteRawWorkbook(string path, string sheetName, IEnumerable<string> rows, string trailer = "", long filler = 0, bool randomFiller = false, string? doctype = null, string? sharedStrings = null)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Text(string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        var sharedOverride = sharedStrings is null ? "" : """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""";
        Text("[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{sharedOverride}</Types>""");
        Text("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Text("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        var sharedRel = sharedStrings is null ? "" : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""";
        Text("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{sharedRel}</Relationships>""");
        if (sharedStrings is not null)
        {
            Text("xl/sharedStrings.xml", """<?xml version="1.0" encoding="UTF-8"?>""" + sharedStrings);
        }

        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
        sheet.Write("""<?xml version="1.0" encoding="UTF-8"?>""" + doctype + """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        foreach (var row in rows)
        {
            sheet.Write(row);
        }

        if (filler > 0)
        {
            // Spaces deflate about 1000:1 (a bomb); random letters hardly compress, so the zip's ratio check
            // passes and the cell itself must be refused. Written in 1 MiB pieces, never held.
            var random = new Random(16);
            var piece = randomFiller ? new string([.. Enumerable.Range(0, 1 << 20).Select(_ => (char)('a' + random.Next(26)))]) : new string(' ', 1 << 20);
            for (long written = 0; written < filler; written += piece.Length)
            {
                sheet.Write(piece.AsSpan(0, (int)Math.Min(piece.Length, filler - written)));
            }
        }

        sheet.Write(trailer + "</sheetData></worksheet>");
    }
}
