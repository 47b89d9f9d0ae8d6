namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>A single-column row listing the label values, to fix the label key order.</summary>
internal sealed class DestinationKeyRow
{
    public string Destination { get; set; } = "";
}
