using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Sourcing.Analyzer;
using Sourcing.Collector;

namespace Sourcing.Web;

/// <summary>
/// Writes a table as a CSV download; every "Exportera CSV" goes through here. Two forms, both UTF-8
/// with BOM, an English snake_case header, CRLF line ends, and text cells quoted where needed and
/// neutralised against spreadsheet formulas (a cell starting with = + - @ gets a leading ').
/// <list type="bullet">
/// <item><see cref="CsvForm.Swedish"/>, the default: what Excel with Swedish settings opens in
/// columns on a double-click: semicolon between cells, decimal comma ("1234,5", no thousands
/// separator, an ASCII minus), dates yyyy-MM-dd and times "yyyy-MM-dd HH:mm:ss" in Swedish time.</item>
/// <item><see cref="CsvForm.Machine"/>, with <c>&amp;format=maskin</c> on the same link: for scripts:
/// comma between cells, invariant numbers ("1234.5"), times ISO 8601 in UTC.</item>
/// </list>
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The query parameter that picks the form; <see cref="MachineValue"/> gives the machine form.</summary>
    public const string FormatParameter = "format";

    public const string MachineValue = "maskin";

    // BOM: Excel reads the file as UTF-8 (å, ä, ö) only with it. (No "sep=;" line: with it Excel ignores the BOM.)
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    // Invariant digits with a decimal comma. Not sv-SE itself: .NET's sv-SE writes a negative number
    // with U+2212 (−), which Excel reads as text.
    private static readonly NumberFormatInfo SwedishNumbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "",
        NegativeSign = "-",
    };

    /// <summary>"skanningar" → "skanningar-20261123.csv", the date in Swedish time.</summary>
    public static string FileName(string stem, TimeProvider time) =>
        stem + "-" + SwedishTime.Today(time).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".csv";

    /// <summary>The form the request asks for: the machine form with <c>format=maskin</c>, otherwise the Swedish one.</summary>
    public static CsvForm FormOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(request.Query[FormatParameter], MachineValue, StringComparison.OrdinalIgnoreCase) ? CsvForm.Machine : CsvForm.Swedish;
    }

    /// <summary>Streams the rows to the response as an attachment, in the form the request asks for; the returned result keeps the page from rendering after it.</summary>
    public static async Task<IActionResult> WriteAsync(HttpResponse response, string fileName, IReadOnlyList<string> header, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(rows);
        var form = FormOf(response.HttpContext.Request);
        await using var writer = Start(response, fileName);
        await writer.WriteAsync(Line(header, form).AsMemory(), cancellationToken);
        foreach (var row in rows)
        {
            await writer.WriteAsync(Line(row, form).AsMemory(), cancellationToken);
        }

        return new EmptyResult();
    }

    public static async Task<IActionResult> WriteAsync(HttpResponse response, string fileName, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(rows);
        var form = FormOf(response.HttpContext.Request);
        await using var writer = Start(response, fileName);
        await writer.WriteAsync(Line(header, form).AsMemory(), cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(row, form).AsMemory(), cancellationToken);
        }

        return new EmptyResult();
    }

    /// <summary>The cell separator of a form: ';' (Swedish list separator) or ','.</summary>
    public static char Separator(CsvForm form) => form == CsvForm.Machine ? ',' : ';';

    /// <summary>One record with its CRLF line end (RFC 4180).</summary>
    public static string Line(IEnumerable<object?> cells, CsvForm form) =>
        string.Join(Separator(form), cells.Select(c => Cell(c, form))) + "\r\n";

    /// <summary>
    /// One cell. Numbers are written as they are (a negative cost must stay a number, so it is not
    /// neutralised like text starting with "-"); everything that is not a number, a time or a
    /// date is text.
    /// </summary>
    public static string Cell(object? value, CsvForm form)
    {
        var numbers = form == CsvForm.Machine ? NumberFormatInfo.InvariantInfo : SwedishNumbers;
        return value switch
        {
            null => "",
            double d => double.IsFinite(d) ? Math.Round(d, 6).ToString("0.######", numbers) : "",
            float f => Cell((double)f, form),
            // "40.00" from a numeric column is written "40".
            decimal m => m.ToString("0.############################", numbers),
            int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            bool b => b ? "true" : "false",
            DateTime t => Time(t, form),
            DateTimeOffset t => Time(t.UtcDateTime, form),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };
    }

    // Stored times are UTC. Excel reads "2026-01-05 11:00:00" as a date and time, "…T10:00:00Z" as text.
    private static string Time(DateTime utc, CsvForm form) => form == CsvForm.Machine
        ? Display.Iso(utc)
        : SwedishTime.Local(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// A text cell: a leading = + - @ gets a ' so a spreadsheet shows it rather than running it;
    /// quoted when it holds either form's separator, a quote or a line break (so one cell reads the
    /// same in both forms).
    /// </summary>
    private static string Text(string text)
    {
        text = SpreadsheetCell.Neutralise(text);
        return text.AsSpan().IndexOfAny(",;\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

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
