namespace Sourcing.Tests.Simulators.Azure;

/// <summary>One simulated resource group.</summary>
public sealed record EstateGroup(string Name, string Location, IReadOnlyDictionary<string, string> Tags);
