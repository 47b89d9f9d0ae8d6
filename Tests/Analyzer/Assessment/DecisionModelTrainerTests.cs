using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Assessment.Learning;
using Xunit.Abstractions;

namespace Sourcing.Tests.Analyzer.Assessment;

public sealed class DecisionModelTrainerTests(ITestOutputHelper output)
{
    private static TrainingResult Train(IReadOnlyList<Decision> decisions, ModelTrainingOptions? options = null) =>
        DecisionModelTrainer.Train(decisions, GateRuleSet.Default, ScoringWeights.Default, EffortParameters.Default, options);

    [Fact]
    public void Train_BelowMinimum_SaysTooLittleToLearnFrom()
    {
        var result = Train(SyntheticDecisions.FromHiddenRule(29, 0, seed: 1));

        Assert.Equal(TrainingStatus.TooFewDecisions, result.Status);
        Assert.Null(result.Metrics);
        Assert.True(result.Model.IsEmpty);
        Assert.Contains("29", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_AllSameDestination_SaysNothingToTellApart()
    {
        var decisions = SyntheticDecisions.FromHiddenRule(40, 0, seed: 1).Select(d => d with { Chosen = Destination.InHouse }).ToList();

        Assert.Equal(TrainingStatus.SingleDestination, Train(decisions).Status);
    }

    [Fact]
    public void Train_HiddenPracticeWithNoise_ModelBeatsRuleBaselineOnHeldOutFolds()
    {
        var decisions = SyntheticDecisions.FromHiddenRule(400, noise: 0.1, seed: 7);

        var result = Train(decisions);

        Assert.Equal(TrainingStatus.Trained, result.Status);
        var m = result.Metrics!;
        output.WriteLine($"model {m.ModelAccuracy:F3} (macro {m.ModelMacroAccuracy:F3}) baseline {m.BaselineAccuracy:F3} (macro {m.BaselineMacroAccuracy:F3}) resub {m.ResubstitutionAccuracy:F3}");
        Assert.Equal(400, m.TrainingSize);
        Assert.Equal(5, m.FoldModelAccuracy.Count);
        Assert.True(m.ModelAccuracy >= m.BaselineAccuracy + 0.2, $"model {m.ModelAccuracy:F3} vs baseline {m.BaselineAccuracy:F3}");
        Assert.True(m.ModelAccuracy >= 0.75, $"model {m.ModelAccuracy:F3}");
        Assert.True(m.ModelMacroAccuracy > m.BaselineMacroAccuracy);
        Assert.False(result.Model.IsEmpty);
    }

    [Fact]
    public void Train_RandomLabels_HeldOutAccuracyIsChanceThoughTrainingAccuracyIsHigh()
    {
        // Trees deep enough to memorise: on its own training data the model is right far more
        // often than chance, yet on held-out folds it cannot be, because there is nothing to learn.
        var options = new ModelTrainingOptions { NumberOfTrees = 100, NumberOfLeaves = 32, MinimumExampleCountPerLeaf = 1, LearningRate = 0.5 };

        var result = Train(SyntheticDecisions.WithRandomLabels(300, seed: 3), options);

        var m = result.Metrics!;
        output.WriteLine($"held-out {m.ModelAccuracy:F3} resubstitution {m.ResubstitutionAccuracy:F3}");
        Assert.InRange(m.ModelAccuracy, 0.2, 0.45);
        Assert.True(m.ResubstitutionAccuracy > 0.9, $"resubstitution {m.ResubstitutionAccuracy:F3}");
    }

    [Fact]
    public void Train_SameDecisionsTwice_SameMetricsAndPredictions()
    {
        var decisions = SyntheticDecisions.FromHiddenRule(120, noise: 0.1, seed: 11);

        var first = Train(decisions);
        var second = Train(decisions);

        Assert.Equal(first.Metrics!.FoldModelAccuracy, second.Metrics!.FoldModelAccuracy);
        Assert.Equal(first.Metrics.ResubstitutionAccuracy, second.Metrics.ResubstitutionAccuracy);
        var probe = SyntheticDecisions.FromHiddenRule(20, 0, seed: 99);
        var a = DecisionPredictor.Load(first.Model);
        var b = DecisionPredictor.Load(second.Model);
        foreach (var d in probe)
        {
            var assessment = Assessor.AssessOne(d.Workload, GateRuleSet.Default, ScoringWeights.Default, EffortParameters.Default, d.DecidedOn);
            Assert.Equal(a.Probabilities(d.Workload, assessment, d.DecidedOn), b.Probabilities(d.Workload, assessment, d.DecidedOn));
        }
    }

    [Fact]
    public void Predictor_FromBytes_SuggestsAllowedDestinationAndFlagsDisagreement()
    {
        var result = Train(SyntheticDecisions.FromHiddenRule(300, noise: 0.05, seed: 5));
        var predictor = DecisionPredictor.Load(result.Model.ToArray());
        var probe = SyntheticDecisions.FromHiddenRule(60, 0, seed: 123);

        var disagreements = 0;
        var agreedWithPractice = 0;
        foreach (var d in probe)
        {
            var assessment = Assessor.AssessOne(d.Workload, GateRuleSet.Default, ScoringWeights.Default, EffortParameters.Default, d.DecidedOn);
            var suggestion = predictor.Suggest(d.Workload, assessment, d.DecidedOn);

            Assert.NotEqual(GateVerdict.Blocked, assessment.Gate.For(suggestion.Suggested).Verdict);
            Assert.InRange(suggestion.Probability, 0, 1);
            Assert.Equal(assessment.Recommendation.Destination, suggestion.RuleDestination);
            Assert.Equal(suggestion.Suggested != assessment.Recommendation.Destination, suggestion.Disagrees);
            if (suggestion.Disagrees)
            {
                disagreements++;
                Assert.Contains("granska", suggestion.Text, StringComparison.Ordinal);
            }

            agreedWithPractice += suggestion.Suggested == d.Chosen ? 1 : 0;
        }

        Assert.True(disagreements > 0, "the hidden practice differs from the rules, so some suggestions must disagree");
        Assert.True(agreedWithPractice >= 45, $"{agreedWithPractice} of 60");
    }
}
