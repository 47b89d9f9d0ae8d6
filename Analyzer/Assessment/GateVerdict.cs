namespace Sourcing.Analyzer.Assessment;

/// <summary>The gate's verdict for one destination. Order matters: a higher value is stricter.</summary>
public enum GateVerdict
{
    Allowed,
    Conditional,
    Blocked,
}
