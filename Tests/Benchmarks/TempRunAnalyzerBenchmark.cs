namespace Sourcing.Tests.Benchmarks;

public sealed class TempRunAnalyzerBenchmark
{
    [Fact]
    public async Task Run()
    {
        var writer = new StringWriter();
        var old = Console.Out;
        Console.SetOut(writer);
        try { await AnalyzerBenchmark.RunAsync((Environment.GetEnvironmentVariable("BENCH_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)); } finally { Console.SetOut(old); }
        await File.WriteAllTextAsync("/tmp/analyzer-bench.md", writer.ToString());
    }
}
