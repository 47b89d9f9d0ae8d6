using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Sourcing.Collector.Imports;

/// <summary>
/// Checks a workbook before the spreadsheet library loads it. First from the zip's central directory, a zip
/// bomb: a 1 MB workbook can hold a sheet of 1 GiB of spaces, which the library would load whole (the deflate
/// stream .NET reads refuses to give more than an entry's stated size). Then it reads the XML parts as a stream
/// and refuses what <see cref="ImportLimits"/> does not allow: too many rows or columns in a sheet, a cell (inline or shared
/// text) longer than allowed, and any DTD (a workbook from Excel never has one; a DTD is how XXE and
/// "billion laughs" files attack). Text is counted in chunks, never held, so memory stays flat whatever the
/// file holds.
/// </summary>
internal static class WorkbookScan
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const int MaxErrors = 20;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    public static void Check(string path, string fileName, ImportLimits limits)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            CheckSizes(zip, fileName);
            var sheets = SheetNames(zip);
            var longShared = LongSharedStrings(zip, limits);
            var errors = new List<string>();
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
            {
                var sheet = sheets.GetValueOrDefault(entry.FullName, Path.GetFileNameWithoutExtension(entry.FullName));
                CheckSheet(entry, sheet, longShared, limits, errors);
                if (errors.Count >= MaxErrors)
                {
                    break;
                }
            }

            if (errors.Count > 0)
            {
                throw new ImportFileException(errors);
            }
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportFileException($"Filen \"{fileName}\" innehåller en DTD (XML-deklarationer), vilket en arbetsbok från Excel aldrig gör; filen avvisas.");
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or FormatException)
        {
            throw new ImportFileException($"Filen \"{fileName}\" är ingen XLSX-fil (Excel-arbetsbok) eller är trasig; spara den som .xlsx och försök igen.");
        }
    }

    /// <summary>The parts' sizes as the zip's directory states them, against <see cref="ImportFiles"/>' limits.</summary>
    private static void CheckSizes(ZipArchive zip, string fileName)
    {
        if (zip.Entries.Count > ImportFiles.MaxParts)
        {
            throw new ImportFileException($"Filen \"{fileName}\" har {zip.Entries.Count} delar; en arbetsbok får ha högst {ImportFiles.MaxParts}.");
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > ImportFiles.MaxPartBytes || total > ImportFiles.MaxUncompressedBytes || entry.Length / Math.Max(1, entry.CompressedLength) > 1000)
            {
                throw new ImportFileException(string.Format(CultureInfo.GetCultureInfo("sv-SE"),
                    "Filen \"{0}\" blir för stor uppackad ({1}: {2:0} MB). Största tillåtna är {3:0} MB per blad och {4:0} MB totalt; dela upp filen eller ta bort tomma celler.",
                    fileName, entry.FullName, entry.Length / 1048576.0, ImportFiles.MaxPartBytes / 1048576.0, ImportFiles.MaxUncompressedBytes / 1048576.0));
            }
        }
    }

    /// <summary>Part name ("xl/worksheets/sheet1.xml") to the sheet's name as the user sees it ("System").</summary>
    private static Dictionary<string, string> SheetNames(ZipArchive zip)
    {
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/workbook.xml") is { } workbook)
        {
            using var reader = XmlReader.Create(workbook.Open(), Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.GetAttribute("name") is { } name
                    && reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships") is { } id)
                {
                    byId[id] = name;
                }
            }
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = XmlReader.Create(rels.Open(), Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                    && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target && byId.TryGetValue(id, out var name))
                {
                    result[target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target] = name;
                }
            }
        }

        return result;
    }

    /// <summary>Indexes of shared strings longer than allowed, with their length (the sheet scan names their cells).</summary>
    private static Dictionary<int, long> LongSharedStrings(ZipArchive zip, ImportLimits limits)
    {
        var result = new Dictionary<int, long>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return result;
        }

        using var reader = XmlReader.Create(entry.Open(), Settings);
        var index = -1;
        long length = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si" && reader.NamespaceURI == Main)
            {
                Close(index, length);
                index++;
                length = 0;
            }
            else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                length += TextLength(reader);
            }
        }

        Close(index, length);
        return result;

        void Close(int i, long chars)
        {
            if (i >= 0 && chars > limits.MaxCellChars)
            {
                result[i] = chars;
            }
        }
    }

    private static void CheckSheet(ZipArchiveEntry entry, string sheet, Dictionary<int, long> longShared, ImportLimits limits, List<string> errors)
    {
        using var reader = XmlReader.Create(entry.Open(), Settings);
        var row = 0;
        var firstDataRow = 0;
        var column = 0;
        string? type = null;
        var inValue = false;
        long cellChars = 0;
        var cellHasValue = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.NamespaceURI == Main:
                    switch (reader.LocalName)
                    {
                        case "row":
                            row = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                            column = 0;
                            break;
                        case "c":
                            var reference = reader.GetAttribute("r");
                            column = reference is null ? column + 1 : ColumnNumber(reference);
                            type = reader.GetAttribute("t");
                            cellChars = 0;
                            cellHasValue = false;
                            if (column > limits.MaxColumns)
                            {
                                errors.Add(string.Format(CultureInfo.InvariantCulture, "Blad \"{0}\", rad {1}: kolumn {2} ligger bortom den största tillåtna ({3} kolumner).", sheet, row, ColumnName(column), limits.MaxColumns));
                                return;
                            }

                            break;
                        case "v" or "t":
                            inValue = !reader.IsEmptyElement;
                            break;
                    }

                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI == Main:
                    switch (reader.LocalName)
                    {
                        case "v" or "t":
                            inValue = false;
                            break;
                        case "c":
                            if (cellHasValue)
                            {
                                firstDataRow = firstDataRow == 0 ? row : firstDataRow;
                                if (row - firstDataRow > limits.MaxRows)
                                {
                                    throw ImportFiles.TooManyRows($"Blad \"{sheet}\"", limits);
                                }
                            }

                            if (cellChars > limits.MaxCellChars)
                            {
                                errors.Add(ImportFiles.TooLongCell($"Blad \"{sheet}\", rad {row}, kolumn {ColumnName(column)}", cellChars, limits));
                                if (errors.Count >= MaxErrors)
                                {
                                    return;
                                }
                            }

                            break;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when inValue:
                    cellHasValue = true;
                    if (type == "s")
                    {
                        // A shared string: the cell holds its index; the text and its length were read above.
                        cellChars = int.TryParse(reader.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? longShared.GetValueOrDefault(index) : 0;
                    }
                    else
                    {
                        cellChars += TextLength(reader);
                    }

                    break;
            }
        }
    }

    /// <summary>The length of the current text node, read in chunks so a huge text is counted, never held.</summary>
    private static long TextLength(XmlReader reader)
    {
        if (!reader.CanReadValueChunk)
        {
            return reader.Value.Length;
        }

        var buffer = new char[8192];
        long total = 0;
        int read;
        while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>"AB12" → 28.</summary>
    private static int ColumnNumber(string reference)
    {
        var number = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                number = (number * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                number = (number * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }

            if (number > 1_000_000)
            {
                break;
            }
        }

        return number;
    }

    /// <summary>28 → "AB".</summary>
    private static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var rest = (number - 1) % 26;
            name = (char)('A' + rest) + name;
            number = (number - 1) / 26;
        }

        return name;
    }
}
