namespace Sourcing.Tests.Benchmarks;

/// <summary>`Sourcing.Tests bench NAME [args]`: runs one benchmark, which prints a Markdown section.</summary>
public static class BenchmarkRunner
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Benchmarks = new(StringComparer.Ordinal)
    {
        ["vsphere"] = VSphereScanBenchmark.RunAsync,
        ["store"] = StoreBenchmark.RunAsync,
        ["azure"] = AzureScanBenchmark.RunAsync,
        ["analyzer"] = AnalyzerBenchmark.RunAsync,
        ["forecast"] = ForecastBenchmark.RunAsync,
        ["scale"] = ScanScaleBenchmark.RunAsync,
        ["pages"] = PageBenchmark.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var run))
        {
            await Console.Error.WriteLineAsync("usage: Sourcing.Tests bench " + string.Join('|', Benchmarks.Keys) + " [args]");
            return 64;
        }

        return await run(args[1..]);
    }
}
