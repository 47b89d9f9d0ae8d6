using System.Globalization;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Cli;

/// <summary>One scan now, in this process. Exit code 0 succeeded, 1 partial, 2 failed, 3 skipped (another scan of the source is running).</summary>
internal sealed class ScanCommand(SourceStore sources, ScanRunner runner) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<ScanCommand>(
        ["scan"],
        "Skannar en källa nu, i den här processen (0 klar, 1 ofullständig, 2 misslyckad, 3 överhoppad).",
        CliParameter.Argument("NAME", "Källans namn (se sourcing source list)."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var name = args.Argument(0, "NAME (källan att skanna)");
        var source = await sources.FindAsync(name, cancellationToken);
        if (source is null)
        {
            await Console.Error.WriteLineAsync($"Ingen källa heter \"{name}\". Se: sourcing source list");
            return 2;
        }

        var summary = await runner.RunAsync(source.Id, "cli", cancellationToken);
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "Skanning {0} av \"{1}\": {2}. Tillagda {3}, ändrade {4}, borttagna {5}, oförändrade {6}, överhoppade {7}; {8} anrop på {9:F1} s.",
            summary.ScanId, name, StatusText(summary.Status), summary.Added, summary.Changed, summary.Removed,
            summary.Unchanged, summary.Skipped, summary.Calls, summary.Duration.TotalSeconds));
        foreach (var error in summary.Errors)
        {
            await Console.Error.WriteLineAsync("  fel: " + error);
        }

        return summary.Status switch
        {
            "succeeded" => 0,
            "partial" => 1,
            "skipped" => CliDispatcher.ExitSkipped,
            _ => CliDispatcher.ExitFailed,
        };
    }

    internal static string StatusText(string status) => status switch
    {
        "succeeded" => "klar",
        "partial" => "ofullständig",
        "failed" => "misslyckades",
        "running" => "pågår",
        "skipped" => "hoppades över (en annan skanning pågår)",
        _ => status,
    };
}
