using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Imports;

/// <summary>`sourcing import systems FILE [--dry-run]`: the system register (objektregister), CSV or XLSX.</summary>
public sealed class ImportSystemsCommand(SystemRegisterImport import) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<ImportSystemsCommand>(
        ["import", "systems"],
        "Läser objektregistret (.csv eller .xlsx; se docs/import-format.md).",
        CliParameter.Argument("FILE", "Objektregistret, .csv eller .xlsx."),
        CliParameter.Flag("dry-run", "Kontrollera och visa ändringarna utan att spara."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.Argument(0, "FILE");
        var dryRun = args.Flag("dry-run");
        try
        {
            // The file is read and checked in full before anything is written; the report lists every change.
            var report = await import.RunAsync(file, dryRun, cancellationToken);
            report.WriteTo(output);
            return 0;
        }
        catch (ImportFileException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 65;
        }
    }
}
