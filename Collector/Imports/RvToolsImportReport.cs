namespace Sourcing.Collector.Imports;

/// <summary>What an RVTools import changes in a source's inventory (or would, in a dry run).</summary>
public sealed record RvToolsImportReport(string FileName, string Source, bool SourceCreated, RvToolsExport Export, ResourcePlan Plan, bool DryRun)
{
    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"RVTools \"{FileName}\" ({Export.Format}) till källan \"{Source}\"{(SourceCreated ? " (ny källa)" : "")}: " +
            $"{Export.Vms.Count} VM, {Export.Hosts.Count} värdar, {Export.TemplatesSkipped} mallar hoppades över.");
        output.WriteLine($"{Plan.Added.Count} nya, {Plan.Changed.Count} ändrade, {Plan.Removed.Count} borttagna, {Plan.Restored.Count} återkomna, {Plan.Unchanged} oförändrade.");
        foreach (var added in Plan.Added)
        {
            output.WriteLine($"+ {added.Kind} {added.Name}");
        }

        foreach (var change in Plan.Changed)
        {
            output.WriteLine($"~ {change.Name}");
            foreach (var field in change.Fields)
            {
                output.WriteLine($"    {field.Column}: {field.Old ?? "–"} → {field.New}");
            }
        }

        foreach (var removed in Plan.Removed)
        {
            output.WriteLine($"- {removed}");
        }

        output.WriteLine(DryRun ? "Torrkörning: inget har sparats." : Plan.HasChanges ? "Sparat." : "Inget att spara.");
    }
}
