namespace Sourcing.Web;

/// <summary>The two forms of a CSV export (see <see cref="CsvExport"/>).</summary>
public enum CsvForm
{
    /// <summary>Semicolon, decimal comma, Swedish time: opens in columns in a Swedish Excel. The default.</summary>
    Swedish,

    /// <summary>Comma, invariant numbers, ISO 8601 UTC times: for scripts (<c>&amp;format=maskin</c>).</summary>
    Machine,
}
