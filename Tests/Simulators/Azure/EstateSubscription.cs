namespace Sourcing.Tests.Simulators.Azure;

/// <summary>One simulated subscription with its resource groups and resources.</summary>
public sealed record EstateSubscription(string Id, string DisplayName)
{
    public List<EstateGroup> Groups { get; } = [];

    public List<EstateResource> Resources { get; } = [];
}
