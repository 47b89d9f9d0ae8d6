using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Cli;

internal sealed class SourceListCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["source", "list"];

    public string Usage => "source list";

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        args.EnsureNoUnknownOptions();
        var sources = await services.GetRequiredService<SourceStore>().ListAsync(cancellationToken);
        if (sources.Count == 0)
        {
            await output.WriteLineAsync("Inga källor registrerade. Lägg till en med: sourcing source add vsphere ...");
            return 0;
        }

        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-4} {1,-24} {2,-8} {3,-12} {4,-10} {5}", "id", "namn", "typ", "schema", "tls", "adress"));
        foreach (var s in sources)
        {
            var tls = s.Insecure ? "OSÄKER" : s.Thumbprint is null ? "verifierad" : "pinnad";
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-4} {1,-24} {2,-8} {3,-12} {4,-10} {5}",
                s.Id, s.Name, s.Kind, s.Schedule, tls, s.Url));
        }

        return 0;
    }
}
