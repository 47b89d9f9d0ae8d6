using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Sourcing.Collector.Imports;

namespace Sourcing.Tests.Collector.Imports;

/// <summary>Workbooks that would blow up memory are refused from the zip's directory, before a byte is parsed.</summary>
public sealed class ImportBombTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sourcing-bomb-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void OpenWorkbook_SheetOfOneGibOfSpaces_RefusedWithSwedishMessageAndLittleMemory()
    {
        var path = Path.Combine(_dir.FullName, "bomb.xlsx");
        WriteBomb(path, sheetBytes: 1L << 30);
        Assert.True(new FileInfo(path).Length < 2 * 1024 * 1024);

        var before = Process.GetCurrentProcess().PrivateMemorySize64;
        var e = Assert.Throws<ImportFileException>(() => ImportFiles.OpenWorkbook(path, ImportLimits.Register));
        var grew = Process.GetCurrentProcess().PrivateMemorySize64 - before;

        Assert.Contains("blir för stor uppackad", e.Message, StringComparison.Ordinal);
        Assert.Contains("xl/worksheets/sheet1.xml", e.Message, StringComparison.Ordinal);
        Assert.True(grew < 100L * 1024 * 1024, $"memory grew {grew / 1048576} MB");
    }

    [Fact]
    public void OpenWorkbook_TruncatedZip_RefusedAsNotAWorkbook()
    {
        var path = Path.Combine(_dir.FullName, "bomb.xlsx");
        WriteBomb(path, sheetBytes: 10_000);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<ImportFileException>(() => ImportFiles.OpenWorkbook(path, ImportLimits.Register));

        Assert.Contains("ingen XLSX-fil", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A minimal workbook whose one sheet is <paramref name="sheetBytes"/> of spaces inside a cell (1 GiB deflates to about 1 MB).</summary>
    private static void WriteBomb(string path, long sheetBytes)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Text(string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
            writer.Write(text);
        }

        Text("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Text("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Text("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="System" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Text("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
        sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"""u8);
        var spaces = new byte[1 << 20];
        Array.Fill(spaces, (byte)' ');
        for (long written = 0; written < sheetBytes; written += spaces.Length)
        {
            sheet.Write(spaces, 0, (int)Math.Min(spaces.Length, sheetBytes - written));
        }

        sheet.Write("""</t></is></c></row></sheetData></worksheet>"""u8);
    }
}
