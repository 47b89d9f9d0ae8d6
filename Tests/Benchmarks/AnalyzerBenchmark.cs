using System.Diagnostics;
using System.Globalization;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Assessment.Learning;
using Sourcing.Analyzer.Workloads;
using Sourcing.Tests.Analyzer.Assessment;

namespace Sourcing.Tests.Benchmarks;

/// <summary>
/// The Analyzer's figures: assessing 100,000 systems of 5 resources each on one thread (gate,
/// scores with factors, recommendation, drift effort, calibration), and training the decision
/// model on 2,000 decisions with 5-fold cross-validation against the rule baseline.
/// Args: [workloads] [decisions]; 0 decisions skips the training.
/// </summary>
public static class AnalyzerBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var workloadCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var decisionCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var today = new DateOnly(2026, 3, 1);

        var workloads = Generate(workloadCount, seed: 1);
        var effort = EffortParameters.Default with { StatedDriftFte = 25 };

        // Warm up the JIT on a small estate so the measurement is the steady state. One pass is
        // not enough: tiered compilation promotes a method to optimised code only after it has run
        // 30 times with no new methods compiled for 100 ms, and compiles it on a background thread,
        // so one pass measured mostly unoptimised code (runs varied from 0.3 to 0.8 s).
        var warmUp = new AssessmentInput { Workloads = Generate(2_000, seed: 2), Today = today, Effort = effort };
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (var assessment in Assessor.Assess(warmUp).Workloads)
            {
                _ = assessment.Recommendation.Reason;
                foreach (var score in assessment.Scores)
                {
                    _ = score.Factors;
                }
            }
        }

        Thread.Sleep(500);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var report = Assessor.Assess(new AssessmentInput { Workloads = workloads, Today = today, Effort = effort });
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var scoring = watch.Elapsed;
        var insufficient = report.Workloads.Count(w => w.Recommendation.Status == RecommendationStatus.InsufficientData);

        // The reason texts and factor lists are written when first read; storing or showing every
        // system reads them all, so that cost is measured too (it is not part of the aim).
        var readBefore = GC.GetAllocatedBytesForCurrentThread();
        var readPauseBefore = GC.GetTotalPauseDuration();
        watch.Restart();
        var characters = 0L;
        foreach (var assessment in report.Workloads)
        {
            characters += assessment.Recommendation.Reason.Length;
            foreach (var score in assessment.Scores)
            {
                characters += score.Factors.Count;
            }
        }

        watch.Stop();
        var reading = watch.Elapsed;
        var readPause = GC.GetTotalPauseDuration() - readPauseBefore;
        var readAllocated = GC.GetAllocatedBytesForCurrentThread() - readBefore;
        var retainedAfterReading = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(characters);

        // The input stays alive for both "retained" figures, so they count only what the result adds.
        GC.KeepAlive(workloads);

        // Training takes half a minute; 0 decisions skips it (for iterating on the assessment).
        ModelMetrics? m = null;
        if (decisionCount > 0)
        {
            var decisions = SyntheticDecisions.FromHiddenRule(decisionCount, noise: 0.1, seed: 7);
            watch.Restart();
            m = DecisionModelTrainer.Train(decisions, GateRuleSet.Default, ScoringWeights.Default, EffortParameters.Default).Metrics!;
            watch.Stop();
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("## Analyzer");
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{DateTime.UtcNow:yyyy-MM-dd}, machine: 2 cores (shared; load average {LoadAverage()}), .NET {Environment.Version}, single-threaded assessment."));
        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(c, $"| systems assessed (5 resources each) | {workloadCount:N0} |"));
        Console.WriteLine(string.Create(c, $"| assessment time (gate, scores, recommendation, drift, calibration) | {scoring.TotalMilliseconds:F0} ms |"));
        Console.WriteLine(string.Create(c, $"| CPU time of the process meanwhile (incl. GC threads) | {cpu.TotalMilliseconds:F0} ms |"));
        Console.WriteLine(string.Create(c, $"| of which GC pauses | {pause.TotalMilliseconds:F0} ms |"));
        Console.WriteLine(string.Create(c, $"| per system (wall) | {scoring.TotalMilliseconds * 1000 / workloadCount:F1} µs |"));
        Console.WriteLine(string.Create(c, $"| per system (CPU) | {cpu.TotalMilliseconds * 1000 / workloadCount:F1} µs |"));
        Console.WriteLine(string.Create(c, $"| allocated during assessment | {allocated / 1048576.0:F0} MiB ({(double)allocated / workloadCount:F0} bytes per system) |"));
        Console.WriteLine(string.Create(c, $"| retained by the result | {retained / 1048576.0:F0} MiB ({(double)retained / workloadCount:F0} bytes per system) |"));
        Console.WriteLine(string.Create(c, $"| afterwards: writing every reason text and factor list (as storing all results does) | {reading.TotalMilliseconds:F0} ms (GC pauses {readPause.TotalMilliseconds:F0} ms), {readAllocated / 1048576.0:F0} MiB allocated, {retainedAfterReading / 1048576.0:F0} MiB retained in all |"));
        Console.WriteLine(string.Create(c, $"| systems with underlag saknas | {insufficient:N0} |"));
        Console.WriteLine(string.Create(c, $"| calibration factor (25 FTE stated) | {report.Calibration.Factor:F3} |"));
        if (m is not null)
        {
            Console.WriteLine(string.Create(c, $"| decisions trained on | {m.TrainingSize:N0} |"));
            Console.WriteLine(string.Create(c, $"| training time ({m.Folds}-fold CV + final model, FastTree OVA, 1 thread) | {watch.Elapsed.TotalSeconds:F1} s |"));
            Console.WriteLine(string.Create(c, $"| model accuracy, held-out folds | {m.ModelAccuracy:P1} (macro {m.ModelMacroAccuracy:P1}) |"));
            Console.WriteLine(string.Create(c, $"| rule baseline accuracy, same folds | {m.BaselineAccuracy:P1} (macro {m.BaselineMacroAccuracy:P1}) |"));
            Console.WriteLine(string.Create(c, $"| model accuracy on its own training data (not a quality figure) | {m.ResubstitutionAccuracy:P1} |"));
        }

        Console.WriteLine();
        // Issue 6's aim is for 100,000 systems; scale it for other estate sizes.
        var aim = TimeSpan.FromSeconds(workloadCount / 100_000.0);
        Console.WriteLine(string.Create(c, $"Aim: under 1 s for 100,000 systems on one core{(workloadCount == 100_000 ? "" : $" ({aim.TotalMilliseconds:F0} ms for {workloadCount:N0})")} — {(scoring < aim ? "met" : "missed")} ({scoring.TotalMilliseconds:F0} ms wall, {cpu.TotalMilliseconds:F0} ms CPU)."));
        if (m is not null)
        {
            Console.WriteLine();
            Console.WriteLine("Decisions are synthetic: a hidden practice that differs from the rules, plus 10 % random choices, so about 92 % is the best any model can reach.");
        }

        return Task.FromResult(0);
    }

    // On a shared machine the wall time says as much about the neighbours as about the code.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static List<Workload> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var versions = new[] { ("windows", "2012", SupportStatus.Unsupported), ("windows", "2019", SupportStatus.Supported), ("windows", "2022", SupportStatus.Supported), ("linux", "RHEL 7", SupportStatus.ExtendedOnly), ("linux", "RHEL 9", SupportStatus.Supported) };
        var list = new List<Workload>(count);
        for (var id = 1; id <= count; id++)
        {
            var resources = new WorkloadResource[5];
            for (var r = 0; r < 5; r++)
            {
                var (family, version, support) = versions[random.Next(versions.Length)];
                var host = random.NextDouble() < 0.05;
                resources[r] = new WorkloadResource(id * 10L + r, host ? "host" : "vm", "srv" + id + "-" + r, family, version, support,
                    random.Next(1, 16), random.Next(1, 64) * 1024L, random.Next(20, 4000), false, host);
            }

            list.Add(new Workload
            {
                Id = id,
                Name = "System " + id,
                Confidentiality = random.NextDouble() < 0.1 ? null : random.Next(0, 5),
                Integrity = random.Next(0, 5),
                Availability = random.Next(0, 5),
                SecurityClassified = random.NextDouble() < 0.02,
                PersonalData = (PersonalDataCategory)random.Next(0, 5),
                AvailabilityNeed = (AvailabilityNeed)random.Next(0, 4),
                MedicalDeviceDependency = random.NextDouble() < 0.1,
                RequiresOffline = random.NextDouble() < 0.05,
                InHouseBuilt = random.NextDouble() < 0.3,
                SaasAvailable = (Tristate)random.Next(0, 3),
                IntegrationCount = random.NextDouble() < 0.2 ? null : random.Next(0, 30),
                ContractEnd = random.NextDouble() < 0.3 ? null : new DateOnly(2025, 1, 1).AddDays(random.Next(0, 2000)),
                Lifecycle = (LifecycleState)(random.NextDouble() < 0.9 ? 0 : random.Next(1, 3)),
                Resources = resources,
            });
        }

        return list;
    }
}
