namespace Sourcing.Tests.Simulators.Azure;

/// <summary>One request the simulated Azure answered.</summary>
public sealed record SimulatedRequest(DateTimeOffset At, string Method, string Path, string Query, int Status);
