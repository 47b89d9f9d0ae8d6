using System.Text.Json;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Tests.Analyzer.Assessment;

/// <summary>
/// The whole-estate assessment shares answers between systems (gate verdicts per set of matching
/// rules, drift multiplier lists) and writes reasons and factor lists when first read. These tests
/// check that none of that changes a result: each system assessed in a run equals the same system
/// assessed on its own, and the lazily written parts behave as plain record values.
/// </summary>
public class AssessorSharingTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static readonly string[] Kinds = ["vm", "VM", "host", "datastore", "app-service"];

    private static readonly (string? Family, string? Version, SupportStatus Support)[] Os =
    [
        ("windows", "2012", SupportStatus.Unsupported), ("Windows", "2012", SupportStatus.Unsupported), ("windows", "2022", SupportStatus.Supported),
        ("linux", "RHEL 7", SupportStatus.ExtendedOnly), ("linux RHEL", "7", SupportStatus.ExtendedOnly), (null, null, SupportStatus.Unknown),
        ("linux", null, SupportStatus.Unknown),
    ];

    /// <summary>Systems with every field sometimes unknown, so every assumption and cache key occurs.</summary>
    private static List<Workload> Varied(int count, int seed)
    {
        var random = new Random(seed);
        T? Maybe<T>(T value) where T : struct => random.NextDouble() < 0.15 ? null : value;
        var list = new List<Workload>(count);
        for (var id = 1; id <= count; id++)
        {
            var resources = new WorkloadResource[random.Next(0, 6)];
            for (var r = 0; r < resources.Length; r++)
            {
                var kind = Kinds[random.Next(Kinds.Length)];
                var (family, version, support) = Os[random.Next(Os.Length)];
                resources[r] = new WorkloadResource(id * 10L + r, kind, "srv", family, version, support, 2, 4096,
                    random.Next(0, 8000), kind == "app-service", kind == "host");
            }

            list.Add(new Workload
            {
                Id = id,
                Name = "System " + id,
                Confidentiality = Maybe(random.Next(0, 5)),
                Integrity = Maybe(random.Next(0, 5)),
                Availability = Maybe(random.Next(0, 5)),
                SecurityClassified = Maybe(random.NextDouble() < 0.1),
                PersonalData = (PersonalDataCategory)random.Next(0, 5),
                AvailabilityNeed = (AvailabilityNeed)random.Next(0, 4),
                MedicalDeviceDependency = Maybe(random.NextDouble() < 0.2),
                RequiresOffline = Maybe(random.NextDouble() < 0.1),
                InHouseBuilt = Maybe(random.NextDouble() < 0.3),
                SaasAvailable = (Tristate)random.Next(0, 3),
                IntegrationCount = Maybe(random.Next(0, 30)),
                ContractEnd = Maybe(new DateOnly(2025, 1, 1).AddDays(random.Next(0, 2000))),
                Lifecycle = (LifecycleState)random.Next(0, 3),
                Resources = resources,
            });
        }

        return list;
    }

    /// <summary>The default table plus rules that exercise All-matching, duplicates, Allowed and a match-everything rule.</summary>
    private static GateRuleSet Edited() => new()
    {
        Version = 2,
        Rules =
        [
            .. GateRuleSet.Default.Rules,
            new GateRule
            {
                Id = "X1",
                Description = "K1 och T2 och utökad tid",
                Condition = new GateCondition { Match = GateMatch.All, MinConfidentiality = 1, MinAvailability = 2, AvailabilityNeeds = [AvailabilityNeed.Extended] },
                Effects =
                [
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Conditional, "Villkor A", 3),
                    new GateRuleEffect(Destination.PublicCloud, GateEffect.Conditional, "Villkor A", 3),
                    new GateRuleEffect(Destination.SwedishManaged, GateEffect.Allowed, "Tillåtet", 4),
                    new GateRuleEffect(Destination.Retire, GateEffect.Preferred, "Bra", 6),
                ],
            },
            new GateRule
            {
                Id = "X2",
                Description = "Alla system",
                Condition = new GateCondition(),
                Effects = [new GateRuleEffect(Destination.InHouse, GateEffect.Conditional, "Villkor B")],
            },
        ],
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, AssessmentJson.Options);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Assess_VariedEstate_EachSystemEqualsItsOwnAssessment(bool editedRules)
    {
        var rules = editedRules ? Edited() : GateRuleSet.Default;
        var workloads = Varied(1_500, seed: editedRules ? 5 : 4);

        // No FTE stated, so the run's efforts are uncalibrated like AssessOne's.
        var report = Assessor.Assess(new AssessmentInput { Workloads = workloads, Today = Today, Rules = rules });

        for (var i = 0; i < workloads.Count; i++)
        {
            var alone = Assessor.AssessOne(workloads[i], rules, ScoringWeights.Default, EffortParameters.Default, Today);
            Assert.Equal(Json(alone), Json(report.Workloads[i]));
        }
    }

    [Fact]
    public void GateEvaluator_SharedVerdicts_EqualHostingGateForEverySystem()
    {
        var rules = Edited();
        var evaluator = new GateEvaluator(rules);
        foreach (var workload in Varied(1_500, seed: 6))
        {
            Assert.Equal(Json(HostingGate.Evaluate(workload, rules)), Json(evaluator.Evaluate(workload)));
        }
    }

    [Fact]
    public void Assess_StatedFte_EffortEqualsEstimateTimesFactor()
    {
        var workloads = Varied(300, seed: 7);
        var effort = EffortParameters.Default with { StatedDriftFte = 2 };
        var report = Assessor.Assess(new AssessmentInput { Workloads = workloads, Today = Today, Effort = effort });

        Assert.NotEqual(1.0, report.Calibration.Factor);
        for (var i = 0; i < workloads.Count; i++)
        {
            var estimate = DriftEffortModel.Estimate(workloads[i], effort);
            Assert.Equal(Json(estimate with { Hours = estimate.ModelHours * report.Calibration.Factor }), Json(report.Workloads[i].Effort));
        }
    }

    [Fact]
    public void Estimate_SameOsTextSplitDifferently_IsNotHeterogeneous()
    {
        // "linux RHEL" + "7" and "linux" + "RHEL 7" are the same text "linux RHEL 7" (ignoring case).
        var resources = new[]
        {
            new WorkloadResource(1, "vm", "a", "Linux RHEL", "7", SupportStatus.Supported, 2, 4096, 10m, false, false),
            new WorkloadResource(2, "vm", "b", "linux", "rhel 7", SupportStatus.Supported, 2, 4096, 10m, false, false),
        };
        var same = DriftEffortModel.Estimate(TestWorkloads.Complete() with { Resources = resources }, EffortParameters.Default);
        var other = DriftEffortModel.Estimate(TestWorkloads.Complete() with { Resources = [resources[0], resources[1] with { OsVersion = "rhel 8" }] }, EffortParameters.Default);

        Assert.DoesNotContain(same.Multipliers, m => m.FactorId == "effort-heterogeneous");
        Assert.Contains(other.Multipliers, m => m.FactorId == "effort-heterogeneous");
    }

    [Fact]
    public void Factors_ReadTwice_SameListAddingUpToTheScore()
    {
        var assessment = Assessor.Assess(new AssessmentInput { Workloads = Varied(50, seed: 8), Today = Today }).Workloads[0];
        foreach (var score in assessment.Scores)
        {
            Assert.Same(score.Factors, score.Factors);
            var total = ScoringWeights.Default.BaseScore;
            foreach (var factor in score.Factors)
            {
                Assert.NotEqual(0, factor.Points);
                total += factor.Points;
            }

            Assert.Equal(Math.Clamp(total, 0, 100), score.Score);
        }
    }

    [Fact]
    public void Records_TwoRunsOfOneSystem_EqualAsValues()
    {
        var workload = TestWorkloads.Complete();
        var first = Assessor.Assess(new AssessmentInput { Workloads = [workload], Today = Today }).Workloads[0];
        var second = Assessor.Assess(new AssessmentInput { Workloads = [workload], Today = Today }).Workloads[0];

        Assert.Equal(first.Recommendation, second.Recommendation);
        Assert.Equal(first.Recommendation.GetHashCode(), second.Recommendation.GetHashCode());

        // Factor lists are compared by reference, as for any record with a list: a copy shares it.
        var score = first.Scores[0];
        Assert.NotEqual(score, second.Scores[0]);
        Assert.Equal(score, score with { });
        Assert.Same(score.Factors, (score with { Score = 1 }).Factors);
    }

    [Fact]
    public void Recommendation_CopyWithAnotherStatus_KeepsTheReason()
    {
        var recommendation = Assessor.Assess(new AssessmentInput { Workloads = [TestWorkloads.Complete()], Today = Today }).Workloads[0].Recommendation;
        var copy = recommendation with { Status = RecommendationStatus.InsufficientData };

        Assert.StartsWith(DestinationNames.Swedish(recommendation.Destination!.Value) + " får högst poäng", copy.Reason);
        Assert.Equal(recommendation.Reason, copy.Reason);
        Assert.Equal("annan text", (recommendation with { Reason = "annan text" }).Reason);
    }

    [Fact]
    public void Recommendation_Json_KeepsThePropertyOrder()
    {
        var recommendation = Assessor.Assess(new AssessmentInput { Workloads = [TestWorkloads.Complete()], Today = Today }).Workloads[0].Recommendation;

        using var json = JsonDocument.Parse(Json(recommendation));
        Assert.Equal(
            ["status", "destination", "provisionalDestination", "reason", "confidence", "missingFields"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
