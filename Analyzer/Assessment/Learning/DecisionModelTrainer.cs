using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>
/// Learns the region's own practice from its recorded decisions: a multiclass model (one-versus-all
/// FastTree, probabilities normalised) over <see cref="DecisionFeatures"/>. Quality is measured by
/// k-fold cross-validation with our own fold assignment, so the rules' recommendation (the
/// baseline) is scored on exactly the same held-out decisions. Deterministic: one seed for the
/// folds, MLContext and FastTree, and FastTree on one thread (its parallel histogram building is
/// the one source of run-to-run differences).
/// </summary>
public static class DecisionModelTrainer
{
    public const string ModelVersion = "fasttree-ova/1";

    public static TrainingResult Train(
        IReadOnlyList<Decision> decisions,
        GateRuleSet rules,
        ScoringWeights weights,
        EffortParameters effort,
        ModelTrainingOptions? options = null)
    {
        options ??= new ModelTrainingOptions();
        if (decisions.Count < options.MinimumDecisions)
        {
            return new TrainingResult(TrainingStatus.TooFewDecisions,
                string.Create(CultureInfo.InvariantCulture,
                    $"För få beslut att lära av: {decisions.Count} av minst {options.MinimumDecisions}. Regelverkets rekommendationer gäller."),
                null, ReadOnlyMemory<byte>.Empty);
        }

        if (decisions.Select(d => d.Chosen).Distinct().Count() < 2)
        {
            return new TrainingResult(TrainingStatus.SingleDestination,
                "Alla beslut har samma destination – det finns inget att skilja mellan. Regelverkets rekommendationer gäller.",
                null, ReadOnlyMemory<byte>.Empty);
        }

        var rows = new DecisionRow[decisions.Count];
        var baseline = new Destination?[decisions.Count];
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            var assessment = Assessor.AssessOne(decision.Workload, rules, weights, effort, decision.DecidedOn);
            rows[i] = new DecisionRow
            {
                Features = DecisionFeatures.From(decision.Workload, assessment, decision.DecidedOn),
                Destination = decision.Chosen.ToString(),
            };
            baseline[i] = assessment.Recommendation.ProvisionalDestination;
        }

        var folds = Math.Clamp(options.Folds, 2, decisions.Count);
        var fold = AssignFolds(decisions.Count, folds, options.Seed);
        var heldOut = new Destination[decisions.Count];
        var foldModel = new List<double>(folds);
        var foldBaseline = new List<double>(folds);
        for (var f = 0; f < folds; f++)
        {
            var train = rows.Where((_, i) => fold[i] != f).ToList();
            var testIndexes = Enumerable.Range(0, rows.Length).Where(i => fold[i] == f).ToList();
            var model = Fit(train, options, out _);
            var predicted = Predict(model, testIndexes.Select(i => rows[i]).ToList(), options.Seed);
            int modelRight = 0, baselineRight = 0;
            for (var j = 0; j < testIndexes.Count; j++)
            {
                var i = testIndexes[j];
                heldOut[i] = predicted[j];
                modelRight += predicted[j] == decisions[i].Chosen ? 1 : 0;
                baselineRight += baseline[i] == decisions[i].Chosen ? 1 : 0;
            }

            foldModel.Add(testIndexes.Count == 0 ? 0 : modelRight / (double)testIndexes.Count);
            foldBaseline.Add(testIndexes.Count == 0 ? 0 : baselineRight / (double)testIndexes.Count);
        }

        var final = Fit(rows, options, out var context);
        var resubstitution = Predict(final, rows, options.Seed);
        using var stream = new MemoryStream();
        context.Model.Save(final, context.Data.LoadFromEnumerable(rows).Schema, stream);

        var actual = decisions.Select(d => d.Chosen).ToList();
        var metrics = new ModelMetrics(
            ModelVersion,
            DecisionFeatures.SchemaVersion,
            decisions.Count,
            folds,
            Accuracy(actual, heldOut.Select(d => (Destination?)d).ToList()),
            Accuracy(actual, baseline),
            MacroAccuracy(actual, heldOut.Select(d => (Destination?)d).ToList()),
            MacroAccuracy(actual, baseline),
            foldModel,
            foldBaseline,
            Accuracy(actual, resubstitution.Select(d => (Destination?)d).ToList()),
            actual.GroupBy(d => d).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()));

        var message = string.Create(CultureInfo.GetCultureInfo("sv-SE"),
            $"Modellen tränad på {decisions.Count} beslut. Korsvaliderad träffsäkerhet {metrics.ModelAccuracy:P0} mot regelverkets {metrics.BaselineAccuracy:P0} på samma beslut.");
        return new TrainingResult(TrainingStatus.Trained, message, metrics, stream.ToArray());
    }

    /// <summary>Shuffled, then dealt round-robin, so fold sizes differ by at most one.</summary>
    internal static int[] AssignFolds(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var i = 0; i < count; i++)
        {
            fold[order[i]] = i % folds;
        }

        return fold;
    }

    internal static ITransformer Fit(IReadOnlyList<DecisionRow> rows, ModelTrainingOptions options, out MLContext context)
    {
        context = new MLContext(options.Seed);
        var data = context.Data.LoadFromEnumerable(rows);

        // The key data fixes the label order to Destination order whatever the fold contains, so
        // Score[i] is always the probability of (Destination)i.
        var keys = context.Data.LoadFromEnumerable(Enum.GetNames<Destination>().Select(n => new DestinationKeyRow { Destination = n }));
        var tree = new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = options.NumberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
            Seed = options.Seed,
            LabelColumnName = "Label",
            FeatureColumnName = nameof(DecisionRow.Features),
        };
        var pipeline = context.Transforms.Conversion
            .MapValueToKey("Label", nameof(DecisionRow.Destination), keyData: keys)
            .Append(context.MulticlassClassification.Trainers.OneVersusAll(
                context.BinaryClassification.Trainers.FastTree(tree), labelColumnName: "Label", useProbabilities: true));
        return pipeline.Fit(data);
    }

    internal static IReadOnlyList<Destination> Predict(ITransformer model, IReadOnlyList<DecisionRow> rows, int seed)
    {
        var context = new MLContext(seed);
        var scored = model.Transform(context.Data.LoadFromEnumerable(rows));
        return context.Data.CreateEnumerable<DecisionPrediction>(scored, reuseRowObject: false)
            .Select(p => (Destination)ArgMax(p.Score))
            .ToList();
    }

    internal static int ArgMax(float[] scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double Accuracy(List<Destination> actual, IReadOnlyList<Destination?> predicted) =>
        actual.Count == 0 ? 0 : actual.Where((a, i) => predicted[i] == a).Count() / (double)actual.Count;

    private static double MacroAccuracy(List<Destination> actual, IReadOnlyList<Destination?> predicted) =>
        actual.Select((a, i) => (a, hit: predicted[i] == a))
            .GroupBy(x => x.a)
            .Select(g => g.Count(x => x.hit) / (double)g.Count())
            .DefaultIfEmpty(0)
            .Average();
}
