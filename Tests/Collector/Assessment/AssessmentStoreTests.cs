using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Assessment.Learning;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;
using Sourcing.Tests.Analyzer.Assessment;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Assessment;

public sealed class AssessmentStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly AssessmentStore _store = new(database.DataSource);

    [Fact]
    public async Task Settings_SavedVersions_LatestIsReturned()
    {
        var edited = GateRuleSet.Default with { Rules = GateRuleSet.Default.Rules.Where(r => r.Id != "L1").ToList() };

        var first = await _store.SaveRuleSetAsync(GateRuleSet.Default, "test", CancellationToken.None);
        var second = await _store.SaveRuleSetAsync(edited, "jurist", CancellationToken.None);
        var weightsVersion = await _store.SaveWeightsAsync(ScoringWeights.Default with { Integrations = 3 }, "test", CancellationToken.None);
        await _store.SaveEffortParametersAsync(EffortParameters.Default with { StatedDriftFte = 14 }, "test", CancellationToken.None);
        var settings = await _store.GetSettingsAsync(CancellationToken.None);

        Assert.Equal(first + 1, second);
        Assert.Equal(second, settings.Rules.Version);
        Assert.DoesNotContain(settings.Rules.Rules, r => r.Id == "L1");
        Assert.Equal(edited.Rules.Select(r => r.Id), settings.Rules.Rules.Select(r => r.Id));
        Assert.Equal(3, settings.Weights.Integrations);
        Assert.Equal(weightsVersion, settings.Weights.Version);
        Assert.Equal(14, settings.Effort.StatedDriftFte);
    }

    [Fact]
    public async Task SaveReport_ReplacesPreviousResults()
    {
        var workloads = new[] { TestWorkloads.Complete(1, k: 4), TestWorkloads.Complete(2) with { Confidentiality = null } };
        var report = Assessor.Assess(new AssessmentInput { Workloads = workloads, Today = DateOnly.FromDateTime(Now.UtcDateTime) });

        await _store.SaveReportAsync(report, Now, CancellationToken.None);
        await _store.SaveReportAsync(report with { Workloads = report.Workloads.Take(1).ToList() }, Now.AddHours(1), CancellationToken.None);
        await _store.SaveReportAsync(report, Now.AddHours(2), CancellationToken.None);
        var stored = await _store.GetAssessmentsAsync(CancellationToken.None);

        Assert.Equal([1L, 2L], stored.Select(s => s.WorkloadId));
        Assert.Equal("InHouse", stored[0].Recommendation);
        Assert.Equal("Recommended", stored[0].Status);
        Assert.Null(stored[1].Recommendation);
        Assert.Equal("InsufficientData", stored[1].Status);
        Assert.Equal(Now.AddHours(2), stored[0].ComputedAt);
        Assert.Equal(report.Workloads[0].DriftHours, stored[0].DriftHours, 9);
        Assert.Equal(report.Workloads[1].Confidence, stored[1].Confidence, 9);
        Assert.Contains("\"decidingRuleId\":\"K4\"", stored[0].Result.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.NotNull(await _store.GetAssessmentAsync(2, CancellationToken.None));
        Assert.Null(await _store.GetAssessmentAsync(99, CancellationToken.None));
    }

    [Fact]
    public async Task Decisions_RoundTripWithSnapshot_LatestPerWorkload()
    {
        var workload = TestWorkloads.Complete(10, k: 2) with { SaasAvailable = Tristate.Yes, ContractEnd = new DateOnly(2027, 6, 30) };
        var recommendation = Assessor.AssessOne(workload, GateRuleSet.Default, ScoringWeights.Default, EffortParameters.Default, new DateOnly(2026, 3, 1)).Recommendation;

        await _store.AddDecisionAsync(workload, Destination.InHouse, "Först", "anna", Now, recommendation, CancellationToken.None);
        var secondId = await _store.AddDecisionAsync(workload, Destination.Saas, "Avtalet löper ut", "anna", Now.AddDays(1), recommendation, CancellationToken.None);
        await _store.AddDecisionAsync(TestWorkloads.Complete(11), Destination.Retire, "Ingen använder det", "bo", Now, null, CancellationToken.None);

        var all = await _store.GetDecisionsAsync(latestPerWorkload: false, CancellationToken.None);
        var latest = await _store.GetDecisionsAsync(latestPerWorkload: true, CancellationToken.None);

        Assert.Equal(3, all.Count);
        Assert.Equal(2, latest.Count);
        var decision = latest.Single(d => d.WorkloadId == 10);
        Assert.Equal(secondId, decision.Id);
        Assert.Equal(Destination.Saas, decision.Destination);
        Assert.Equal("Avtalet löper ut", decision.Reason);
        Assert.Equal(Now.AddDays(1), decision.DecidedAt);
        Assert.Equal(recommendation.Destination, decision.RecommendedDestination);
        Assert.Equal(workload.ContractEnd, decision.Workload.ContractEnd);
        Assert.Equal(workload.Resources, decision.Workload.Resources);
        Assert.Equal(workload with { Resources = decision.Workload.Resources }, decision.Workload);
        Assert.Null(latest.Single(d => d.WorkloadId == 11).RecommendedDestination);
    }

    [Fact]
    public async Task Models_SavedBytesAndMetrics_RoundTrip()
    {
        var result = DecisionModelTrainer.Train(SyntheticDecisions.FromHiddenRule(60, 0.1, seed: 2), GateRuleSet.Default, ScoringWeights.Default, EffortParameters.Default,
            new ModelTrainingOptions { NumberOfTrees = 10 });

        var v1 = await _store.SaveModelAsync(result, Now, CancellationToken.None);
        var v2 = await _store.SaveModelAsync(result, Now.AddDays(1), CancellationToken.None);
        var latest = await _store.GetLatestModelAsync(CancellationToken.None);

        Assert.Equal(v1 + 1, v2);
        Assert.NotNull(latest);
        Assert.Equal(v2, latest.Version);
        Assert.Equal(60, latest.TrainingSize);
        Assert.Equal(result.Model.ToArray(), latest.Model.ToArray());
        Assert.Contains("baselineAccuracy", latest.Metrics, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _store.SaveModelAsync(
            new TrainingResult(TrainingStatus.TooFewDecisions, "", null, ReadOnlyMemory<byte>.Empty), Now, CancellationToken.None).GetAwaiter().GetResult());
        var predictor = DecisionPredictor.Load(latest.Model);
        Assert.NotNull(predictor);
    }
}
