using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Imports;

/// <summary>`sourcing import systems FILE [--dry-run]`: the system register (objektregister), CSV or XLSX.</summary>
public sealed class ImportSystemsCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["import", "systems"];

    public string Usage => "import systems FILE [--dry-run]   (objektregister, .csv eller .xlsx; se docs/import-format.md)";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.Ordinal) { "dry-run" };

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.Argument(0, "FILE");
        var dryRun = args.Flag("dry-run");
        args.EnsureNoUnknownOptions();
        var import = ActivatorUtilities.CreateInstance<SystemRegisterImport>(services);
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
