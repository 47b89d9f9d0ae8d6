namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One in-house virtualisation host. Hosts of a cluster are consolidated together: the cluster
/// keeps as many hosts as the vCPU still at home needs, and buys only those at its refresh.
/// </summary>
public sealed record PlanningHost
{
    public required string Name { get; init; }
    public string? Cluster { get; init; }
    /// <summary>Physical cores; null uses the parameter <see cref="ParameterKeys.HostCores"/>.</summary>
    public int? Cores { get; init; }
    /// <summary>The next year the host's hardware is due for replacement; null spreads the clusters over the refresh cycle.</summary>
    public int? RefreshYear { get; init; }
}
