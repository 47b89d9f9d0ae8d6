namespace Sourcing.Collector.Imports;

/// <summary>
/// Reads a system register (objektregister) from CSV (";" or ",", UTF-8 with or without BOM) or XLSX
/// (the sheet named System/Systems/Objektregister, else the first), finds columns by their Swedish or
/// English names and checks every value. All problems are collected and thrown together.
/// </summary>
internal static class SystemRegisterReader
{
    private const int MaxErrors = 100;

    /// <summary>Reads and checks the file; <paramref name="departments"/> maps lower-case names of known förvaltningar to their names.</summary>
    public static SystemRegisterFile Read(string path, IReadOnlyDictionary<string, string> departments, long maxBytes)
    {
        ImportFiles.CheckSize(path, maxBytes);
        var fileName = Path.GetFileName(path);
        var isXlsx = Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
            || Path.GetExtension(path).Equals(".xlsm", StringComparison.OrdinalIgnoreCase);
        return isXlsx ? ReadXlsx(path, fileName, departments) : ReadCsv(path, fileName, departments);
    }

    private static SystemRegisterFile ReadXlsx(string path, string fileName, IReadOnlyDictionary<string, string> departments)
    {
        using var workbook = ImportFiles.OpenWorkbook(path, ImportLimits.Register);
        var sheet = workbook.Worksheets.FirstOrDefault(w => ImportFiles.NormalizeHeader(w.Name) is "system" or "systems" or "systemregister" or "objektregister")
            ?? workbook.Worksheets.First();
        var used = sheet.RangeUsed();
        if (used is null)
        {
            throw new ImportFileException($"Filen \"{fileName}\" är tom.");
        }

        var firstRow = used.FirstRow().RowNumber();
        var lastRow = used.LastRow().RowNumber();
        var firstColumn = used.FirstColumn().ColumnNumber();
        var lastColumn = used.LastColumn().ColumnNumber();
        var headers = Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Select(c => ImportFiles.CellText(sheet.Cell(firstRow, c))).ToList();
        var rows = Enumerable.Range(firstRow + 1, Math.Max(0, lastRow - firstRow))
            .Select(r => (r, (IReadOnlyList<string>)[.. Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Select(c => ImportFiles.CellText(sheet.Cell(r, c)))]));
        return Check(fileName, headers, rows, departments, (row, header) => $"Blad \"{sheet.Name}\", rad {row}, kolumn \"{header}\"");
    }

    private static SystemRegisterFile ReadCsv(string path, string fileName, IReadOnlyDictionary<string, string> departments)
    {
        var records = ImportFiles.ReadCsv(path, ImportLimits.Register);
        var headers = records[0].Select(h => h.Trim()).ToList();
        var rows = records.Skip(1).Select((r, i) => (i + 2, (IReadOnlyList<string>)[.. r.Select(v => v.Trim())]));
        return Check(fileName, headers, rows, departments, (row, header) => $"Rad {row}, kolumn \"{header}\"");
    }

    /// <summary>A cell quoted in a message: a long text is cut so the message stays readable.</summary>
    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static SystemRegisterFile Check(
        string fileName,
        List<string> headers,
        IEnumerable<(int Row, IReadOnlyList<string> Cells)> rows,
        IReadOnlyDictionary<string, string> departments,
        Func<int, string, string> where)
    {
        var byName = SystemRegisterField.All.SelectMany(f => f.Names.Select(n => (n, f))).ToDictionary(x => x.n, x => x.f, StringComparer.Ordinal);
        var columns = new List<(int Index, string Header, SystemRegisterField Field)>();
        var ignored = new List<string>();
        var errors = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(headers[i]))
            {
                continue;
            }

            if (!byName.TryGetValue(ImportFiles.NormalizeHeader(headers[i]), out var field))
            {
                ignored.Add(headers[i]);
            }
            else if (columns.Any(c => c.Field == field))
            {
                errors.Add($"Filen \"{fileName}\": kolumnerna \"{columns.First(c => c.Field == field).Header}\" och \"{headers[i]}\" anger samma sak ({field.SwedishName}); ta bort en av dem.");
            }
            else
            {
                columns.Add((i, headers[i], field));
            }
        }

        var nameColumn = columns.FirstOrDefault(c => c.Field.Attribute == SystemRegisterField.NameAttribute);
        if (nameColumn.Field is null)
        {
            throw new ImportFileException($"Filen \"{fileName}\" saknar kolumnen \"System\" (systemets namn; även \"Systemnamn\" eller \"Name\") på första raden.");
        }

        if (errors.Count > 0)
        {
            throw new ImportFileException(errors);
        }

        var result = new List<SystemRegisterRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, cells) in rows)
        {
            string Cell(int index) => index < cells.Count ? cells[index] : "";
            if (columns.All(c => string.IsNullOrWhiteSpace(Cell(c.Index))))
            {
                continue;
            }

            var name = Cell(nameColumn.Index).Trim();
            if (name.Length == 0)
            {
                errors.Add($"{where(row, nameColumn.Header)}: systemnamn saknas.");
                continue;
            }

            if (name.Length > SystemRegisterValues.MaxNameChars)
            {
                errors.Add($"{where(row, nameColumn.Header)}: systemnamnet har {name.Length} tecken; högst {SystemRegisterValues.MaxNameChars} tillåts.");
                continue;
            }

            if (seen.TryGetValue(name, out var firstRow))
            {
                errors.Add($"{where(row, nameColumn.Header)}: systemet \"{name}\" finns redan på rad {firstRow}; varje system får bara finnas på en rad.");
                continue;
            }

            seen[name] = row;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (index, header, field) in columns)
            {
                var text = Cell(index);
                if (field.Attribute == SystemRegisterField.NameAttribute || string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var (value, expected) = SystemRegisterValues.Parse(field.Kind, text, departments);
                if (expected is not null)
                {
                    errors.Add($"{where(row, header)}: \"{Shorten(text.Trim())}\" är inte giltigt; förväntat {expected}.");
                }
                else
                {
                    values[field.Attribute] = value!;
                }
            }

            result.Add(new SystemRegisterRow(row, name, values));
        }

        if (errors.Count > 0)
        {
            throw new ImportFileException(errors.Count > MaxErrors
                ? [.. errors.Take(MaxErrors), $"… och {errors.Count - MaxErrors} fel till."]
                : errors);
        }

        if (result.Count == 0)
        {
            throw new ImportFileException($"Filen \"{fileName}\" har inga rader med system under rubrikraden.");
        }

        return new SystemRegisterFile(result, ignored);
    }
}
