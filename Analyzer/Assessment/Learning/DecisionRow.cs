using Microsoft.ML.Data;

namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>ML.NET's input row: features and the chosen destination's name (the label).</summary>
internal sealed class DecisionRow
{
    // 24 = DecisionFeatures.Count; an attribute argument must be a constant.
    [VectorType(24)]
    public float[] Features { get; set; } = [];

    public string Destination { get; set; } = "";
}
