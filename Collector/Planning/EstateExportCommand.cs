using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>
/// `sourcing estate export [--out FILE]`: writes what the forecast reads from the database as a
/// <c>sourcing-estate/1</c> file, so that a controller can reproduce a forecast with
/// `sourcing forecast --scenario FILE --estate FILE`.
/// </summary>
internal sealed class EstateExportCommand(IEstateSource estateSource) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<EstateExportCommand>(
        ["estate", "export"],
        "Skriver beståndet som prognosen läser som en fil (sourcing-estate/1).",
        CliParameter.Value("out", "FILE", "Skriv till en fil i stället för stdout."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.Option("out");
        var json = EstateJson.Serialize(await estateSource.LoadAsync(cancellationToken));
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
