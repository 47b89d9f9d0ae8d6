namespace Sourcing.Collector;

/// <summary>Text that goes into a spreadsheet cell (CSV or XLSX), from the CLI or the web.</summary>
public static class SpreadsheetCell
{
    /// <summary>A leading =, +, - or @ gets a ' so a spreadsheet shows the text instead of running it as a formula.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
    }
}
