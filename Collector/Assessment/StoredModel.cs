namespace Sourcing.Collector.Assessment;

/// <summary>A row of sourcing.ml_model. <see cref="Metrics"/> is ModelMetrics as JSON.</summary>
public sealed record StoredModel(int Version, DateTimeOffset TrainedAt, int TrainingSize, string Metrics, ReadOnlyMemory<byte> Model);
