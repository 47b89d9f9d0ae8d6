namespace Sourcing.Analyzer.Assessment;

/// <summary>How the criteria of a <see cref="GateCondition"/> combine.</summary>
public enum GateMatch
{
    /// <summary>The rule applies when any stated criterion holds ("K3, or patient data, or sensitive data").</summary>
    Any,
    /// <summary>The rule applies only when every stated criterion holds.</summary>
    All,
}
