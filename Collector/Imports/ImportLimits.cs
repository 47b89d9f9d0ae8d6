namespace Sourcing.Collector.Imports;

/// <summary>
/// How much one imported file may hold. Checked while the file is streamed (the workbook's XML parts with an
/// <see cref="System.Xml.XmlReader"/>, a CSV with CsvHelper's field limit), before the spreadsheet library or
/// the CSV reader holds the file, so a hostile file is refused with a Swedish message naming sheet, row and
/// column, and memory does not grow. Documented in docs/import-format.md and docs/security.md.
/// </summary>
/// <param name="MaxRows">Data rows per sheet or CSV file, the header row not counted.</param>
/// <param name="MaxColumns">Columns per sheet or CSV row.</param>
/// <param name="MaxCellChars">Characters in one cell.</param>
public sealed record ImportLimits(int MaxRows, int MaxColumns, int MaxCellChars)
{
    /// <summary>Excel's own limit for the characters in one cell; a file Excel wrote never has more.</summary>
    public const int ExcelCellChars = 32_767;

    /// <summary>
    /// A system register: a Swedish region has some hundreds to a few thousand systems (domain.md), so 20,000 rows
    /// is ample; a register has a few dozen columns.
    /// </summary>
    public static readonly ImportLimits Register = new(20_000, 200, ExcelCellChars);

    /// <summary>
    /// An RVTools export: designed for 50,000 VMs with up to four disks each in vDisk (200,000 rows); vInfo has
    /// about 90 columns in RVTools 4.x.
    /// </summary>
    public static readonly ImportLimits RvTools = new(200_000, 500, ExcelCellChars);

    /// <summary>Recorded decisions: at most one row per system of a register (see <see cref="Register"/>), a handful of columns.</summary>
    public static readonly ImportLimits Decisions = new(20_000, 50, ExcelCellChars);
}
