namespace Sourcing.Tests;

/// <summary>
/// The test assembly is also the host of the simulators that the demo and the benchmarks run
/// (`dotnet Sourcing.Tests.dll simulate ...`). The test runner does not use this entry point.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "simulate")
        {
            return await Simulators.SimulatorHost.RunAsync(args[1..]);
        }

        if (args.Length == 2 && args[0] == "demo-data")
        {
            return Simulators.DemoData.Write(args[1]);
        }

        if (args.Length > 0 && args[0] == "bench")
        {
            return await Benchmarks.BenchmarkRunner.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "shoot")
        {
            return await Support.PageShooter.RunAsync(args[1..]);
        }

        await Console.Error.WriteLineAsync("usage: Sourcing.Tests simulate|bench|shoot [options]  (tests run with dotnet test)");
        return 64;
    }
}
