namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>
/// Cross-validated quality of the model and of the rules' recommendation on the same held-out
/// folds: every decision is predicted once, by a model that did not see it. Macro accuracy is the
/// mean per-destination recall (a model that always says "in-house" scores low on it).
/// <see cref="ResubstitutionAccuracy"/> is the final model on its own training data, kept only to
/// show the gap to held-out accuracy (overfitting); never present it as the model's quality.
/// </summary>
public sealed record ModelMetrics(
    string ModelVersion,
    int FeatureSchemaVersion,
    int TrainingSize,
    int Folds,
    double ModelAccuracy,
    double BaselineAccuracy,
    double ModelMacroAccuracy,
    double BaselineMacroAccuracy,
    IReadOnlyList<double> FoldModelAccuracy,
    IReadOnlyList<double> FoldBaselineAccuracy,
    double ResubstitutionAccuracy,
    IReadOnlyDictionary<Destination, int> DecisionsPerDestination);
