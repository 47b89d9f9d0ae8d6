using Microsoft.Extensions.Logging.Abstractions;
using Sourcing.Analyzer.Assessment.Learning;
using Sourcing.Collector.Assessment;
using Sourcing.Tests.Analyzer.Assessment;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Assessment;

public sealed class TrainModelJobTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_TooFewThenEnoughDecisions_StoresModelOnlyWhenTrained()
    {
        var store = new AssessmentStore(database.DataSource);
        var job = new TrainModelJob(store, new FixedTimeProvider(Now), NullLogger<TrainModelJob>.Instance);
        var decisions = SyntheticDecisions.FromHiddenRule(80, 0.05, seed: 4);
        foreach (var d in decisions.Take(10))
        {
            await store.AddDecisionAsync(d.Workload, d.Chosen, d.Reason, "test", Now, null, CancellationToken.None);
        }

        var tooFew = await job.RunAsync(CancellationToken.None);
        Assert.Equal(TrainingStatus.TooFewDecisions, tooFew.Status);
        Assert.Null(await store.GetLatestModelAsync(CancellationToken.None));

        foreach (var d in decisions.Skip(10))
        {
            await store.AddDecisionAsync(d.Workload, d.Chosen, d.Reason, "test", Now, null, CancellationToken.None);
        }

        var trained = await job.RunAsync(CancellationToken.None);
        Assert.Equal(TrainingStatus.Trained, trained.Status);
        Assert.Equal(80, trained.Metrics!.TrainingSize);
        var model = await store.GetLatestModelAsync(CancellationToken.None);
        Assert.NotNull(model);
        Assert.Equal(80, model.TrainingSize);
        Assert.Equal(trained.Model.ToArray(), model.Model.ToArray());
    }
}
