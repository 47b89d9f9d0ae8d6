namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>ML.NET's output row: one probability per destination, in <see cref="Destination"/> order.</summary>
internal sealed class DecisionPrediction
{
    public float[] Score { get; set; } = [];
}
