using Microsoft.Extensions.Logging;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment.Learning;

namespace Sourcing.Collector.Assessment;

/// <summary>
/// Trains the decision model on each system's latest decision and stores it as a new version when
/// there was enough to learn from. With too few decisions it stores nothing and says so.
/// </summary>
public sealed class TrainModelJob(AssessmentStore store, TimeProvider time, ILogger<TrainModelJob> logger)
{
    public async Task<TrainingResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = await store.GetSettingsAsync(cancellationToken);
        var decisions = (await store.GetDecisionsAsync(latestPerWorkload: true, cancellationToken))
            .Select(d => new Decision(d.Workload, d.Destination, d.Reason, SwedishTime.DateOf(d.DecidedAt)))
            .ToList();

        // Training is CPU work (FastTree, one thread); keep it off the caller's thread.
        var result = await Task.Run(
            () => DecisionModelTrainer.Train(decisions, settings.Rules, settings.Weights, settings.Effort),
            cancellationToken);
        if (result.Status != TrainingStatus.Trained)
        {
            logger.LogInformation("No model trained: {Status} ({Count} decisions)", result.Status, decisions.Count);
            return result;
        }

        var version = await store.SaveModelAsync(result, time.GetUtcNow(), cancellationToken);
        logger.LogInformation(
            "Trained model v{Version} on {Count} decisions: accuracy {Model:F3} vs rules {Baseline:F3} (cross-validated)",
            version, decisions.Count, result.Metrics!.ModelAccuracy, result.Metrics.BaselineAccuracy);
        return result;
    }
}
