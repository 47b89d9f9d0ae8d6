namespace Sourcing.Collector.Imports;

/// <summary>One attribute that an import sets: column (as the template names it), old and new stored text.</summary>
public sealed record FieldChange(string Attribute, string Column, string? Old, string New);

/// <summary>A system the import adds (Added) or changes.</summary>
public sealed record SystemChange(string Name, bool Added, IReadOnlyList<FieldChange> Fields);

/// <summary>What a register import changes (or, in a dry run, would change).</summary>
public sealed record SystemImportReport(
    string FileName,
    IReadOnlyList<SystemChange> Changes,
    int Unchanged,
    IReadOnlyList<string> NewObjects,
    IReadOnlyList<string> IgnoredColumns,
    bool DryRun)
{
    public int Added => Changes.Count(c => c.Added);

    public int Changed => Changes.Count(c => !c.Added);

    /// <summary>The report as the CLI prints it (Swedish).</summary>
    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"Systemregister \"{FileName}\": {Added} nya system, {Changed} ändrade, {Unchanged} oförändrade.");
        foreach (var change in Changes)
        {
            output.WriteLine($"{(change.Added ? "+" : "~")} {change.Name}");
            foreach (var field in change.Fields)
            {
                output.WriteLine(field.Old is null ? $"    {field.Column}: {field.New}" : $"    {field.Column}: {field.Old} → {field.New}");
            }
        }

        foreach (var obj in NewObjects)
        {
            output.WriteLine($"+ förvaltningsobjekt {obj}");
        }

        if (IgnoredColumns.Count > 0)
        {
            output.WriteLine("Okända kolumner som inte lästes: " + string.Join(", ", IgnoredColumns));
        }

        output.WriteLine(DryRun ? "Torrkörning: inget har sparats." : "Sparat.");
    }
}
