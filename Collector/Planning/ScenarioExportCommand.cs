using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>`sourcing scenario export NAME [--out FILE]`: the scenario file, to stdout or a file.</summary>
internal sealed class ScenarioExportCommand(ScenarioStore store) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<ScenarioExportCommand>(
        ["scenario", "export"],
        "Skriver ett sparat scenario som fil (med prislistan prognosen använder).",
        CliParameter.Argument("NAME", "Scenariots namn."),
        CliParameter.Value("out", "FILE", "Skriv till en fil i stället för stdout."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var name = args.Argument(0, "NAME");
        var file = args.Option("out");
        var stored = await store.GetAsync(name, cancellationToken);
        if (stored is null)
        {
            await output.WriteLineAsync($"Scenariot \"{name}\" finns inte.");
            return 2;
        }

        // The file carries the price list the forecast uses today, so a forecast from the file (and an
        // estate file) gives the same figures as the page.
        var scenario = stored.Scenario.CloudPrices is null
            ? stored.Scenario with { CloudPrices = await store.GetPriceTableAsync(Analyzer.Planning.CloudPriceTable.Default.Region, null, cancellationToken) ?? Analyzer.Planning.CloudPriceTable.Default }
            : stored.Scenario;
        var json = ScenarioJson.Serialize(scenario);
        if (file is null)
        {
            await output.WriteLineAsync(json);
        }
        else
        {
            await File.WriteAllTextAsync(file, json + "\n", cancellationToken);
            await output.WriteLineAsync($"Scenariot \"{name}\" är skrivet till {file}.");
        }

        return 0;
    }
}
