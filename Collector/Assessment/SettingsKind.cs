namespace Sourcing.Collector.Assessment;

/// <summary>The three versioned kinds of assessment settings.</summary>
public enum SettingsKind
{
    Rules,
    Weights,
    Effort,
}
