using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Imports;

/// <summary>`sourcing import rvtools FILE [--source NAME] [--dry-run]`: an RVTools export (3.x or 4.x) as a source's inventory.</summary>
public sealed class ImportRvToolsCommand(RvToolsImport import) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<ImportRvToolsCommand>(
        ["import", "rvtools"],
        "Läser en RVTools-export (.xlsx) som en källas inventering; källan skapas om den är ny.",
        CliParameter.Argument("FILE", "RVTools-exporten (.xlsx)."),
        CliParameter.Value("source", "NAME", "Källans namn."),
        CliParameter.Flag("dry-run", "Kontrollera och visa ändringarna utan att spara."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.Argument(0, "FILE");
        var source = args.Option("source");
        var dryRun = args.Flag("dry-run");
        try
        {
            var report = await import.RunAsync(file, source, dryRun, cancellationToken);
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
