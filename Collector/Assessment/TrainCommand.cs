using System.Globalization;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Assessment;

/// <summary>`sourcing train`: trains the decision model now (the weekly job does the same) and prints its held-out metrics.</summary>
internal sealed class TrainCommand(TrainModelJob job) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<TrainCommand>(
        ["train"],
        "Lär modellen av registrerade beslut, korsvaliderad mot reglerna.");

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await job.RunAsync(cancellationToken);
        await output.WriteLineAsync(result.Message);
        if (result.Metrics is { } m)
        {
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "{0} beslut, {1}-faldig korsvalidering: modellen {2:P0} rätt, reglerna {3:P0} rätt (på samma utelämnade beslut).",
                m.TrainingSize, m.Folds, m.ModelAccuracy, m.BaselineAccuracy));
        }

        return 0;
    }
}
