using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>`sourcing scenario import FILE`: stores a scenario file, replacing one with the same name.</summary>
internal sealed class ScenarioImportCommand(ScenarioStore store) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<ScenarioImportCommand>(
        ["scenario", "import"],
        "Sparar en scenariofil och ersätter ett scenario med samma namn.",
        CliParameter.Argument("FILE", "Scenariofilen (JSON)."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.Argument(0, "FILE");
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"Filen {file} finns inte.");
            return 65;
        }

        Analyzer.Planning.Scenario scenario;
        try
        {
            scenario = ScenarioJson.Deserialize(await File.ReadAllTextAsync(file, cancellationToken));
        }
        catch (ScenarioFormatException e)
        {
            await output.WriteLineAsync($"{file}: {e.Message}");
            return 65;
        }

        await store.SaveAsync(scenario, cancellationToken);
        await output.WriteLineAsync($"Scenariot \"{scenario.Name}\" är sparat.");
        return 0;
    }
}
