using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>
/// `sourcing scenario demo [--start-year YEAR]`: stores the three demo scenarios and, when no
/// scenario is on the board yet, puts them there in the order a board would read them: the small
/// first step, the cloud move, everything recommended.
/// </summary>
internal sealed class ScenarioDemoCommand(ScenarioStore store) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<ScenarioDemoCommand>(
        ["scenario", "demo"],
        "Sparar de tre demoscenarierna och sätter dem i styrelsens ordning om ingen är vald.",
        CliParameter.Value("start-year", "YEAR", "Första året (standard 2026)."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var startText = args.Option("start-year");
        var start = 2026;
        if (startText is not null && !int.TryParse(startText, System.Globalization.CultureInfo.InvariantCulture, out start))
        {
            throw new UsageException("--start-year måste vara ett år.");
        }

        foreach (var scenario in DemoScenarios.Create(start))
        {
            await store.SaveAsync(scenario, cancellationToken);
            await output.WriteLineAsync($"Scenariot \"{scenario.Name}\" är sparat.");
        }

        if ((await store.BoardAsync(cancellationToken)).Count == 0)
        {
            var names = DemoScenarios.Create(start).Select(s => s.Name).ToList();
            await store.SetBoardOrderAsync(names, cancellationToken);
            await output.WriteLineAsync($"Styrelsen ser {names.Count} scenarier i den ordningen.");
        }

        return 0;
    }
}
