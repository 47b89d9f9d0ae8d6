using System.Globalization;
using Microsoft.ML;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>
/// Loads a trained model from its bytes and suggests a destination for a system. The suggestion
/// respects the gate (a blocked destination is never suggested) and is always returned beside the
/// rules' recommendation, with disagreement flagged; it never replaces it. PredictionEngine is not
/// thread-safe, hence the lock.
/// </summary>
public sealed class DecisionPredictor
{
    private readonly PredictionEngine<DecisionRow, DecisionPrediction> _engine;
    private readonly Lock _lock = new();

    private DecisionPredictor(PredictionEngine<DecisionRow, DecisionPrediction> engine) => _engine = engine;

    public static DecisionPredictor Load(ReadOnlyMemory<byte> model, int seed = 42)
    {
        var context = new MLContext(seed);
        using var stream = new MemoryStream(model.ToArray(), writable: false);
        var transformer = context.Model.Load(stream, out _);
        return new DecisionPredictor(context.Model.CreatePredictionEngine<DecisionRow, DecisionPrediction>(transformer));
    }

    /// <summary>Probabilities per destination, in Destination order (blocked ones included).</summary>
    public IReadOnlyList<double> Probabilities(Workload workload, WorkloadAssessment assessment, DateOnly today)
    {
        var row = new DecisionRow { Features = DecisionFeatures.From(workload, assessment, today) };
        float[] scores;
        lock (_lock)
        {
            scores = _engine.Predict(row).Score;
        }

        var sum = scores.Sum(s => Math.Max(0, s));
        return scores.Select(s => sum > 0 ? Math.Max(0, s) / sum : 1.0 / scores.Length).ToList();
    }

    public ModelSuggestion Suggest(Workload workload, WorkloadAssessment assessment, DateOnly today)
    {
        var probabilities = Probabilities(workload, assessment, today);
        var best = -1;
        for (var i = 0; i < probabilities.Count; i++)
        {
            if (assessment.Gate.For((Destination)i).Verdict != GateVerdict.Blocked && (best < 0 || probabilities[i] > probabilities[best]))
            {
                best = i;
            }
        }

        // Only an edited rule set can block everything; then the model's own first choice is shown, flagged.
        best = best < 0 ? DecisionModelTrainer.ArgMax(probabilities.Select(p => (float)p).ToArray()) : best;
        var suggested = (Destination)best;
        var rule = assessment.Recommendation.Destination;
        var disagrees = rule != suggested;
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        var text = string.Create(sv, $"Modellen föreslår {DestinationNames.SwedishLower(suggested)} ({probabilities[best]:P0} sannolikhet) utifrån tidigare beslut.");
        if (disagrees)
        {
            text += rule is { } r
                ? $" Avviker från regelverkets rekommendation ({DestinationNames.SwedishLower(r)}) – granska."
                : " Regelverket har ingen rekommendation (underlag saknas) – granska.";
        }

        return new ModelSuggestion(suggested, probabilities[best], rule, disagrees, text);
    }
}
