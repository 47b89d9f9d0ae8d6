namespace Sourcing.Analyzer.Assessment;

/// <summary>The gate for one workload: one entry per destination, in <see cref="Destination"/> order.</summary>
public sealed record GateResult(
    long WorkloadId,
    int RuleSetVersion,
    IReadOnlyList<DestinationGate> Destinations,
    GateFacts Facts)
{
    public DestinationGate For(Destination destination) => Destinations[(int)destination];
}
