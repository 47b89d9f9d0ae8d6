namespace Sourcing.Tests.Simulators;

/// <summary>Runs the simulated vCenter and Azure on loopback for the demo and the benchmarks.</summary>
public static class SimulatorHost
{
    public static Task<int> RunAsync(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("simulators not built yet");
        return Task.FromResult(1);
    }
}
