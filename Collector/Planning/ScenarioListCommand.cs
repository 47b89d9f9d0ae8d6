using System.Globalization;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>`sourcing scenario list`: the stored scenarios, the one chosen for leadership marked with *.</summary>
internal sealed class ScenarioListCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["scenario", "list"];

    public string Usage => "scenario list";

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        args.EnsureNoUnknownOptions();
        var scenarios = await PlanningServices.Store(services).ListAsync(cancellationToken);
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
