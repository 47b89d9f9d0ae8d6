using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>
/// `sourcing estate export [--out FILE]`: writes what the forecast reads from the database as a
/// <c>sourcing-estate/1</c> file, so that a controller can reproduce a forecast with
/// `sourcing forecast --scenario FILE --estate FILE`.
/// </summary>
internal sealed class EstateExportCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["estate", "export"];

    public string Usage => "estate export [--out FILE]";

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.Option("out");
        args.EnsureNoUnknownOptions();
        var source = services.GetService<IEstateSource>() ?? ActivatorUtilities.CreateInstance<EstateSource>(services);
        var json = EstateJson.Serialize(await source.LoadAsync(cancellationToken));
        if (file is null)
        {
            await output.WriteLineAsync(json);
        }
        else
        {
            await File.WriteAllTextAsync(file, json, cancellationToken);
            await output.WriteLineAsync($"Beståndet är skrivet till {file}.");
        }

        return 0;
    }
}
