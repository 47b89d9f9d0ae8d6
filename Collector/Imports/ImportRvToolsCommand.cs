using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Imports;

/// <summary>`sourcing import rvtools FILE [--source NAME] [--dry-run]`: an RVTools export (3.x or 4.x) as a source's inventory.</summary>
public sealed class ImportRvToolsCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["import", "rvtools"];

    public string Usage => "import rvtools FILE [--source NAME] [--dry-run]   (RVTools-export .xlsx; källan skapas om den är ny)";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.Ordinal) { "dry-run" };

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.Argument(0, "FILE");
        var source = args.Option("source");
        var dryRun = args.Flag("dry-run");
        args.EnsureNoUnknownOptions();
        var import = ActivatorUtilities.CreateInstance<RvToolsImport>(services);
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
