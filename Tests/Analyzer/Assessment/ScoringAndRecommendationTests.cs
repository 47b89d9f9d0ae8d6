using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Tests.Analyzer.Assessment;

public sealed class ScoringAndRecommendationTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static WorkloadAssessment Assess(Workload workload, ScoringWeights? weights = null) =>
        Assessor.Assess(new AssessmentInput { Workloads = [workload], Today = Today, Weights = weights ?? ScoringWeights.Default }).Workloads[0];

    [Fact]
    public void Score_FactorsAddUpToTheScore()
    {
        var workload = TestWorkloads.Complete() with { SaasAvailable = Tristate.Yes, IntegrationCount = 5, Resources = TestWorkloads.Vms(1, 3, "2012", SupportStatus.Unsupported) };

        var result = Assess(workload);

        Assert.Equal(5, result.Scores.Count);
        foreach (var score in result.Scores)
        {
            Assert.InRange(score.Score, 0, 100);
            Assert.Equal(Math.Clamp(ScoringWeights.Default.BaseScore + score.Factors.Sum(f => f.Points), 0, 100), score.Score, 6);
            Assert.All(score.Factors, f => Assert.False(string.IsNullOrWhiteSpace(f.Label)));
        }

        var saas = result.Scores.Single(s => s.Destination == Destination.Saas);
        Assert.Contains(saas.Factors, f => f.FactorId == "saas-available" && f.Points > 0);
        Assert.Contains(saas.Factors, f => f.FactorId == "os-support" && f.Points == ScoringWeights.Default.OsSupport);
        var inHouse = result.Scores.Single(s => s.Destination == Destination.InHouse);
        Assert.Contains(inHouse.Factors, f => f.FactorId == "os-support" && f.Points < 0);
    }

    [Fact]
    public void Score_BlockedDestinations_HaveNoScore()
    {
        var result = Assess(TestWorkloads.Complete(k: 4));

        Assert.DoesNotContain(result.Scores, s => s.Destination is Destination.PublicCloud or Destination.Saas or Destination.SwedishManaged);
        Assert.Equal(Destination.InHouse, result.Recommendation.Destination);
        Assert.Contains("regel K4", result.Recommendation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ChangedWeights_ChangeRanking()
    {
        // A bought product with a SaaS edition but many integrations: by default the coupling keeps
        // it at home; a region that does not count integrations sends it to SaaS.
        var workload = TestWorkloads.Complete() with { SaasAvailable = Tristate.Yes, IntegrationCount = 12 };

        var byDefault = Assess(workload);
        var ignoringIntegrations = Assess(workload, ScoringWeights.Default with { Integrations = 0 });

        Assert.Equal(Destination.InHouse, byDefault.Recommendation.Destination);
        Assert.Equal(Destination.Saas, ignoringIntegrations.Recommendation.Destination);
    }

    [Fact]
    public void Score_ContractEndingWithinWindow_AddsContractFactor()
    {
        var soon = Assess(TestWorkloads.Complete() with { ContractEnd = Today.AddMonths(6) });
        var late = Assess(TestWorkloads.Complete() with { ContractEnd = Today.AddMonths(40) });

        Assert.Contains(soon.Scores.Single(s => s.Destination == Destination.Saas).Factors, f => f.FactorId == "contract-window");
        Assert.DoesNotContain(late.Scores.Single(s => s.Destination == Destination.Saas).Factors, f => f.FactorId == "contract-window");
    }

    [Fact]
    public void Score_OverProvisioningWhenKnown_FavoursPublicCloud()
    {
        var workload = TestWorkloads.Complete();
        var without = Assessor.Assess(new AssessmentInput { Workloads = [workload], Today = Today }).Workloads[0];
        var with = Assessor.Assess(new AssessmentInput { Workloads = [workload], Today = Today, OverProvisioning = new Dictionary<long, double> { [workload.Id] = 0.8 } }).Workloads[0];

        double Cloud(WorkloadAssessment a) => a.Scores.Single(s => s.Destination == Destination.PublicCloud).Score;
        Assert.Equal(Cloud(without) + (0.8 * ScoringWeights.Default.OverProvisioning), Cloud(with), 6);
    }

    [Fact]
    public void Recommend_ToBeRetired_RecommendsRetire()
    {
        var result = Assess(TestWorkloads.Complete() with { Lifecycle = LifecycleState.ToBeRetired });

        Assert.Equal(Destination.Retire, result.Recommendation.Destination);
    }

    [Fact]
    public void Recommend_NoClassification_SaysUnderlagSaknasAndListsFields()
    {
        var workload = TestWorkloads.Complete() with
        {
            Confidentiality = null,
            PersonalData = PersonalDataCategory.Unknown,
            IntegrationCount = null,
            SaasAvailable = Tristate.Yes,
        };

        var result = Assess(workload);

        Assert.Equal(RecommendationStatus.InsufficientData, result.Recommendation.Status);
        Assert.Null(result.Recommendation.Destination);
        Assert.NotNull(result.Recommendation.ProvisionalDestination);
        Assert.NotEqual(Destination.PublicCloud, result.Recommendation.ProvisionalDestination);
        Assert.NotEqual(Destination.Saas, result.Recommendation.ProvisionalDestination);
        Assert.StartsWith("Underlag saknas", result.Recommendation.Reason, StringComparison.Ordinal);
        Assert.Equal([FieldNames.Confidentiality, FieldNames.PersonalData, FieldNames.IntegrationCount], result.MissingFields);
        Assert.Contains(FieldNames.Confidentiality, result.Recommendation.Reason, StringComparison.Ordinal);
        Assert.True(result.Confidence <= 0.3);
    }

    [Fact]
    public void Recommend_MissingData_LowersConfidence()
    {
        var complete = Assess(TestWorkloads.Complete());
        var partial = Assess(TestWorkloads.Complete() with { IntegrationCount = null, InHouseBuilt = null, MedicalDeviceDependency = null });

        Assert.Empty(complete.MissingFields);
        Assert.Equal(RecommendationStatus.Recommended, partial.Recommendation.Status);
        Assert.Equal(3, partial.MissingFields.Count);
        Assert.True(partial.Confidence < complete.Confidence, $"{partial.Confidence} < {complete.Confidence}");
        Assert.InRange(complete.Confidence, 0, 1);
    }

    [Fact]
    public void Recommend_ConditionalWinner_ReasonNamesConditions()
    {
        // K2, bought, SaaS exists, few integrations, old OS, contract ending: SaaS wins despite its conditions.
        var workload = TestWorkloads.Complete(k: 2) with
        {
            SaasAvailable = Tristate.Yes,
            IntegrationCount = 0,
            ContractEnd = Today.AddMonths(3),
            Resources = TestWorkloads.Vms(1, 4, "2012", SupportStatus.Unsupported),
        };

        var result = Assess(workload);

        Assert.Equal(Destination.Saas, result.Recommendation.Destination);
        Assert.Contains("Villkor:", result.Recommendation.Reason, StringComparison.Ordinal);
        Assert.Contains("lämplighetsbedömning", result.Recommendation.Reason, StringComparison.Ordinal);
    }
}
