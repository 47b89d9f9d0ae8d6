using System.Globalization;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Cli;

internal sealed class SourceListCommand(SourceStore sources) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<SourceListCommand>(
        ["source", "list"],
        "Listar registrerade källor.");

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var list = await sources.ListAsync(cancellationToken);
        if (list.Count == 0)
        {
            await output.WriteLineAsync("Inga källor registrerade. Lägg till en med: sourcing source add vsphere ...");
            return 0;
        }

        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-4} {1,-24} {2,-8} {3,-12} {4,-10} {5}", "id", "namn", "typ", "schema", "tls", "adress"));
        foreach (var s in list)
        {
            var tls = s.Insecure ? "OSÄKER" : s.Thumbprint is null ? "verifierad" : "pinnad";
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-4} {1,-24} {2,-8} {3,-12} {4,-10} {5}",
                s.Id, s.Name, s.Kind, s.Schedule, tls, s.Url));
        }

        return 0;
    }
}
