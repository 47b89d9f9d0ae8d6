using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Sourcing.Collector.Cli;

namespace Sourcing.Web;

/// <summary>
/// Writes a table as a CSV download, the same way the inventory and systems exports do: UTF-8 with
/// BOM, an English snake_case header, invariant numbers, ISO 8601 times, and text cells quoted and
/// neutralised against spreadsheet formulas (<see cref="InventoryCommand.Csv"/>).
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    // BOM: Excel reads the file as UTF-8 (å, ä, ö) only with it.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>"skanningar" → "skanningar-20261123.csv", the date in Swedish time.</summary>
    public static string FileName(string stem, TimeProvider time) =>
        stem + "-" + Display.Local(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".csv";

    /// <summary>Streams the rows to the response as an attachment; the returned result keeps the page from rendering after it.</summary>
    public static async Task<IActionResult> WriteAsync(HttpResponse response, string fileName, IReadOnlyList<string> header, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = Start(response, fileName);
        await writer.WriteAsync(Line(header).AsMemory(), cancellationToken);
        foreach (var row in rows)
        {
            await writer.WriteAsync(Line(row).AsMemory(), cancellationToken);
        }

        return new EmptyResult();
    }

    public static async Task<IActionResult> WriteAsync(HttpResponse response, string fileName, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = Start(response, fileName);
        await writer.WriteAsync(Line(header).AsMemory(), cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(row).AsMemory(), cancellationToken);
        }

        return new EmptyResult();
    }

    /// <summary>One record with its CRLF line end (RFC 4180).</summary>
    public static string Line(IEnumerable<object?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    /// <summary>
    /// One cell. Numbers are written as they are (a negative cost must stay a number, so it is not
    /// neutralised like text starting with "-"); times become ISO 8601 in UTC; everything else is text.
    /// </summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => double.IsFinite(d) ? Math.Round(d, 6).ToString("0.######", CultureInfo.InvariantCulture) : "",
        float f => Cell((double)f),
        // "40.00" from a numeric column is written "40".
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool b => b ? "true" : "false",
        DateTime t => Display.Iso(t),
        DateTimeOffset t => Display.Iso(t.UtcDateTime),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => InventoryCommand.Csv(value),
    };

    private static StreamWriter Start(HttpResponse response, string fileName)
    {
        response.ContentType = ContentType;
        // filename* carries a name with å, ä, ö (a scenario's, say); plain filename gets an ASCII fallback.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return new StreamWriter(response.Body, Utf8WithBom, 64 * 1024);
    }
}
