using System.Globalization;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>`sourcing scenario list`: the stored scenarios, the one chosen for leadership marked with *.</summary>
internal sealed class ScenarioListCommand(ScenarioStore store) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<ScenarioListCommand>(
        ["scenario", "list"],
        "Listar sparade scenarier (* = valt för ledningen).");

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var scenarios = await store.ListAsync(cancellationToken);
        if (scenarios.Count == 0)
        {
            await output.WriteLineAsync("Inga scenarier.");
            return 0;
        }

        foreach (var s in scenarios)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(s.BoardPosition is { } position ? position.ToString(CultureInfo.InvariantCulture) : " ")} {s.Name}\t{s.Owner}\t{s.UpdatedAt:yyyy-MM-dd HH:mm}"));
        }

        return 0;
    }
}
