using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Sourcing.Collector.Imports;

/// <summary>Checks every import makes before it parses anything, and reading cells as text.</summary>
internal static class ImportFiles
{
    /// <summary>50 MB: a real system register or RVTools export of a region is a few MB.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Refuses a missing, empty or too large file from its size alone, before a byte is parsed.</summary>
    public static void CheckSize(string path, long maxBytes)
    {
        var name = Path.GetFileName(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new ImportFileException($"Filen \"{name}\" finns inte.");
        }

        if (file.Length == 0)
        {
            throw new ImportFileException($"Filen \"{name}\" är tom.");
        }

        if (file.Length > maxBytes)
        {
            throw new ImportFileException(string.Format(Swedish, "Filen \"{0}\" är {1:0.0} MB; största tillåtna storlek är {2:0} MB.", name, file.Length / 1048576.0, maxBytes / 1048576.0));
        }
    }

    /// <summary>
    /// Reads a CSV file (";" or ",", quoted fields as RFC 4180, strict UTF-8 with or without BOM) into its records,
    /// streamed with the limits checked as rows are read, so a hostile file never sits whole in memory. Refuses an
    /// empty file, one that is not UTF-8 and one that is not text, in Swedish. The first record is the header row.
    /// </summary>
    public static List<string[]> ReadCsv(string path, ImportLimits limits, bool xlsxAccepted = true)
    {
        var fileName = Path.GetFileName(path);
        var orXlsx = xlsxAccepted ? " eller som .xlsx" : "";
        // Strict UTF-8: a file saved as Windows-1252 ("CSV (semikolonavgränsad)") would otherwise import mangled å, ä, ö.
        // The file is streamed: the limits are checked as rows are read, so a hostile file never sits whole in memory.
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var notUtf8 = $"Filen \"{fileName}\" är inte UTF-8; spara den som \"CSV UTF-8\"{orXlsx}.";
        var notCsv = $"Filen \"{fileName}\" är ingen CSV-fil; använd .csv (semikolon eller komma){(xlsxAccepted ? " eller .xlsx" : "")}.";
        var records = new List<string[]>();
        try
        {
            var delimiter = Delimiter(path, strictUtf8);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                Delimiter = delimiter,
                HasHeaderRecord = false,
                BadDataFound = null,
                MissingFieldFound = null,
                DetectColumnCountChanges = false,
                MaxFieldSize = limits.MaxCellChars,
            };
            using var reader = new StreamReader(path, strictUtf8, detectEncodingFromByteOrderMarks: false);
            using var csv = new CsvReader(reader, config);
            while (csv.Read())
            {
                var record = csv.Parser.Record ?? [];
                if (records.Count == 0 && record.Length > 0 && record[0].StartsWith('\uFEFF'))
                {
                    record[0] = record[0][1..];
                }

                if (record.Any(c => c.Contains('\0', StringComparison.Ordinal)))
                {
                    throw new ImportFileException(notCsv);
                }

                if (record.Length > limits.MaxColumns)
                {
                    throw new ImportFileException($"Rad {csv.Parser.Row} har {record.Length} kolumner; högst {limits.MaxColumns} tillåts.");
                }

                if (records.Count > limits.MaxRows)
                {
                    throw TooManyRows($"Filen \"{fileName}\"", limits);
                }

                records.Add(record);
            }
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException(notUtf8);
        }
        catch (MaxFieldSizeException e)
        {
            // CsvHelper stops at the first field over the limit; the row is the one it was reading.
            throw new ImportFileException(TooLongCell($"Rad {e.Context?.Parser?.Row ?? records.Count + 1}", chars: null, limits));
        }

        if (records.Count == 0 || records.All(r => r.All(string.IsNullOrWhiteSpace)))
        {
            throw new ImportFileException($"Filen \"{fileName}\" är tom.");
        }

        return records;
    }

    /// <summary>";" unless the first line has more commas than semicolons (read from at most the first 64 KB).</summary>
    private static string Delimiter(string path, Encoding encoding)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false);
        var buffer = new char[65536];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var end = Array.IndexOf(buffer, '\n', 0, read);
        var firstLine = new string(buffer, 0, end < 0 ? read : end);
        return firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ";" : ",";
    }

    /// <summary>Opens an XLSX workbook, refusing anything that is not one (an XLSX file is a zip: it starts with "PK").</summary>
    public static XLWorkbook OpenWorkbook(string path, ImportLimits limits)
    {
        var name = Path.GetFileName(path);
        var notXlsx = $"Filen \"{name}\" är ingen XLSX-fil (Excel-arbetsbok); spara den som .xlsx och försök igen.";
        var head = new byte[4];
        using (var stream = File.OpenRead(path))
        {
            if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4)
            {
                throw new ImportFileException(notXlsx);
            }
        }

        WorkbookScan.Check(path, name, limits);
        try
        {
            return new XLWorkbook(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw new ImportFileException(notXlsx);
        }
    }

    /// <summary>Refuses a file with more data rows than <paramref name="limits"/> allow (the header row not counted).</summary>
    public static ImportFileException TooManyRows(string where, ImportLimits limits) =>
        new(string.Format(Swedish, "{0} har fler än {1:N0} rader med data; dela upp filen.", where, limits.MaxRows).Replace('\u00a0', ' '));

    /// <summary>A cell longer than <paramref name="limits"/> allow.</summary>
    /// <param name="where">Sheet, row and column as the user names them.</param>
    /// <param name="chars">The cell's length, or null when the reader stopped at the limit and the length is not known.</param>
    /// <param name="limits">The limits the file broke.</param>
    public static string TooLongCell(string where, long? chars, ImportLimits limits) =>
        (chars is { } n
            ? string.Format(Swedish, "{0}: cellen har {1:N0} tecken; högst {2:N0} tillåts.", where, n, limits.MaxCellChars)
            : string.Format(Swedish, "{0}: en cell har fler än {1:N0} tecken; högst {1:N0} tillåts.", where, limits.MaxCellChars)).Replace('\u00a0', ' ');

    /// <summary>All parts of a workbook together, uncompressed: a real register or RVTools export is a few tens of MB.</summary>
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>One part (a sheet, the shared strings), uncompressed.</summary>
    public const long MaxPartBytes = 100L * 1024 * 1024;

    /// <summary>Parts in the zip; a workbook has a few dozen.</summary>
    public const int MaxParts = 1000;

    /// <summary>A cell as text: dates as yyyy-MM-dd, numbers invariant ("3", "2048.5"), blanks as "".</summary>
    public static string CellText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return "";
        }

        // A formula is never evaluated on import: its value is the one Excel saved with the file.
        if (cell.HasFormula)
        {
            return CachedText(cell.CachedValue);
        }

        return cell.DataType switch
        {
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "true" : "false",
            _ => cell.GetString().Trim(),
        };
    }

    private static string CachedText(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim(),
    };

    /// <summary>A header compared loosely: case, spaces, "_", "-", "/" and brackets do not matter.</summary>
    public static string NormalizeHeader(string header)
    {
        var chars = header.Trim().ToLowerInvariant().Select(c => c is '_' or '-' or '/' or '(' or ')' or '.' or ':' ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
