using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>`sourcing scenario import FILE`: stores a scenario file, replacing one with the same name.</summary>
internal sealed class ScenarioImportCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["scenario", "import"];

    public string Usage => "scenario import FILE";

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var file = args.Argument(0, "FILE");
        args.EnsureNoUnknownOptions();
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

        await PlanningServices.Store(services).SaveAsync(scenario, cancellationToken);
        await output.WriteLineAsync($"Scenariot \"{scenario.Name}\" är sparat.");
        return 0;
    }
}
