namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>
/// The outcome of training. <see cref="Model"/> is the saved ML.NET model (stored as bytea),
/// null unless <see cref="Status"/> is Trained. <see cref="Message"/> is Swedish, for the page.
/// </summary>
public sealed record TrainingResult(TrainingStatus Status, string Message, ModelMetrics? Metrics, ReadOnlyMemory<byte> Model);
