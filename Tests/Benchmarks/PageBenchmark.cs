using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Auth;
using Sourcing.Tests.Simulators;
using Sourcing.Tests.Simulators.VCenter;
using Sourcing.Tests.Support;
using Sourcing.Tests.Web;

namespace Sourcing.Tests.Benchmarks;

/// <summary>
/// p50 and p95 of the overview, systems, mapping and inventory pages with a large estate in the store (default 50,000
/// VMs). The estate is built as the demo builds it, with the `sourcing` command: a scan of the simulated vCenter, the
/// demo system register, mapping, decisions and analysis. Then the web app (Kestrel on loopback) serves each page
/// --rounds times to one signed-in user, after three warm-up requests. Options: --vms N --rounds N.
/// </summary>
public static class PageBenchmark
{
    private static readonly string[] Pages = ["/", "/Systems", "/Mapping", "/Inventory"];

    public static async Task<int> RunAsync(string[] args)
    {
        var vms = Option(args, "--vms", 50_000);
        var rounds = Option(args, "--rounds", 40);
        // Only the table goes to standard output (bench.sh writes it into docs/benchmarks.md); what the demo data
        // writer and the web host's console logger print goes to standard error.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        var work = Directory.CreateTempSubdirectory("sourcing-bench-pages-");
        try
        {
            await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = vms, Seed = 42, Version = "8.0.3" });
            var env = new Dictionary<string, string>
            {
                ["ConnectionStrings__Sourcing"] = database.ConnectionString,
                ["DataProtection__KeysPath"] = Path.Combine(work.FullName, "keys"),
                ["SOURCING_SECRET_BENCH_VCENTER"] = sim.Options.Password,
            };
            var build = Stopwatch.StartNew();
            await CliAsync(env, "source", "add", "vsphere", "--name", "Bench", "--url", sim.Url, "--user", sim.Options.Username,
                "--password-env", "SOURCING_SECRET_BENCH_VCENTER", "--thumbprint", sim.Thumbprint ?? "");
            await CliAsync(env, "scan", "Bench");
            var data = Path.Combine(work.FullName, "data");
            DemoData.Write(data);
            await CliAsync(env, "import", "systems", Path.Combine(data, "objektregister.csv"));
            await CliAsync(env, "map");
            await CliAsync(env, "decisions", "import", Path.Combine(data, "beslut.csv"));
            await CliAsync(env, "analyze", "--drift-fte", "30");
            build.Stop();

            await new UserStore(database.DataSource).UpsertAsync(
                "bench", "Bench Mätare", LocalAccounts.Hash(WebAppFixture.Password), [Roles.Drift, Roles.Sourcing, Roles.Ledning], CancellationToken.None);
            // Run as `Sourcing.Tests bench`, not under dotnet test, the factory cannot find the web project's content root by itself.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SOURCING_WEB", Path.Combine(RepoPaths.Root, "Web"));
            await using var factory = new BenchWebFactory(database.ConnectionString, Path.Combine(work.FullName, "web-keys"));
            factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var client = new HttpClient(
                new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }, disposeHandler: true)
            {
                BaseAddress = address,
            };
            using (var signIn = await WebAppFixture.SignInAsync(client, "bench", WebAppFixture.Password))
            {
                if (signIn.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException("sign-in failed: " + signIn.StatusCode);
                }
            }

            if (args.Contains("--parts"))
            {
                await PartsAsync(factory.Services);
            }

            var c = CultureInfo.InvariantCulture;
            var rows = new List<string>();
            foreach (var page in Pages)
            {
                for (var i = 0; i < 3; i++)
                {
                    await GetAsync(client, page);
                }

                var times = new List<double>();
                long bytes = 0;
                for (var i = 0; i < rounds; i++)
                {
                    var watch = Stopwatch.StartNew();
                    bytes = await GetAsync(client, page);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                rows.Add(string.Create(c, $"| {page} | {Percentile(times, 0.50):0} ms | {Percentile(times, 0.95):0} ms | {times[^1]:0} ms | {bytes / 1024.0:0} KiB |"));
            }

            // The overview keeps its scenario headline until a planning input changes (migration 0090). The first
            // view after a change computes the forecast again: measured by a write before every request (a statement
            // trigger fires even for an update of no rows, as any committed edit would).
            {
                var times = new List<double>();
                long bytes = 0;
                for (var i = 0; i < Math.Max(10, rounds / 2); i++)
                {
                    await using (var connection = await database.DataSource.OpenConnectionAsync())
                    {
                        await using var touch = new Npgsql.NpgsqlCommand("UPDATE sourcing.scenario SET name = name WHERE false", connection);
                        await touch.ExecuteNonQueryAsync();
                    }

                    var watch = Stopwatch.StartNew();
                    bytes = await GetAsync(client, "/");
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                rows.Add(string.Create(c, $"| / first view after a change to the planning inputs | {Percentile(times, 0.50):0} ms | {Percentile(times, 0.95):0} ms | {times[^1]:0} ms | {bytes / 1024.0:0} KiB |"));
            }

            stdout.WriteLine("## Pages with a large estate");
            stdout.WriteLine();
            stdout.WriteLine(string.Create(c,
                $"{vms:N0} VMs in the store, built as the demo builds it (scan of the simulated vCenter, demo system register, mapping, decisions, analysis; {build.Elapsed.TotalSeconds:0} s). The web app on Kestrel loopback, one signed-in user, {rounds} sequential requests per page after 3 warm-up requests; time to the last byte of the HTML."));
            stdout.WriteLine();
            stdout.WriteLine("| page | p50 | p95 | max | size |");
            stdout.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                stdout.WriteLine(row);
            }

            stdout.WriteLine();
            stdout.WriteLine(string.Create(c, $"Aim: overview, systems and mapping p95 under 150 ms. Date {DateTime.UtcNow:yyyy-MM-dd}, machine: 2 cores, load average {Load()} when the pages were measured, .NET {Environment.Version}."));
            stdout.WriteLine();
            stdout.WriteLine("The overview's scenario headline is a forecast over the whole estate. It is kept under the planning inputs' version (migration 0090: every committed write to a table the forecast reads raises it) and computed again on the first view after a change, which the last row measures; the figures on it are never older than the inputs. The systems list, the mapping page's coverage and first page, and the inventory's filter choices are kept the same way (`Web/Caching/InputsCache`); computed, they take about 0.1–0.2 s each at this size (`bench pages --parts` times the overview's parts). The web app also recomputes the overview within 30 s of a change, so the last row is what a person sees only when they come before that. The inventory page reads its page and count from PostgreSQL on every view; they are fast because a scan that rewrote much of the inventory refreshes the table's statistics as it commits (`ResourceStore`, VACUUM (ANALYZE)): measured before that existed, the page took 142 ms to read on a freshly stored, never-analysed estate, and 5 ms after.");
            return 0;
        }
        finally
        {
            Console.SetOut(stdout);
            await database.DisposeAsync();
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<long> GetAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}");
        }

        return body.Length;
    }

    /// <summary>With --parts: how long each part of the overview and the inventory page takes (to standard error), ten times each after one warm-up.</summary>
    private static async Task PartsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var overview = scope.ServiceProvider.GetRequiredService<Sourcing.Web.Overview.OverviewStore>();
        var portfolio = scope.ServiceProvider.GetRequiredService<Sourcing.Web.Overview.PortfolioOverview>();
        var workloads = scope.ServiceProvider.GetRequiredService<Sourcing.Collector.Workloads.WorkloadStore>();
        var assessments = scope.ServiceProvider.GetRequiredService<Sourcing.Collector.Assessment.AssessmentStore>();
        var inventory = scope.ServiceProvider.GetRequiredService<Sourcing.Web.Inventory.InventoryStore>();
        var parts = new (string Name, Func<Task> Run)[]
        {
            ("EstateAsync", () => overview.EstateAsync(CancellationToken.None)),
            ("VmTrendAsync", () => overview.VmTrendAsync(CancellationToken.None)),
            ("ScanHealthAsync", () => overview.ScanHealthAsync(CancellationToken.None)),
            ("CoverageAsync", () => workloads.CoverageAsync(CancellationToken.None)),
            ("LoadListAsync", () => workloads.LoadListAsync(CancellationToken.None)),
            ("GetAssessmentsAsync", () => assessments.GetAssessmentsAsync(CancellationToken.None)),
            ("PortfolioSummary (headline kept)", () => portfolio.SummaryAsync(CancellationToken.None)),
            ("Inventory PageAsync (first page)", () => inventory.PageAsync(new Sourcing.Web.Inventory.InventoryQuery(), CancellationToken.None)),
            ("Inventory FacetsAsync", () => inventory.FacetsAsync(CancellationToken.None)),
        };
        foreach (var (name, run) in parts)
        {
            await run();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 10; i++)
            {
                await run();
            }

            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"part {name}: {watch.Elapsed.TotalMilliseconds / 10:0} ms"));
        }
    }

    private static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task CliAsync(Dictionary<string, string> env, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "Collector", "bin", "Release", "net10.0", "sourcing.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // A scan that is partial exits 1; anything else non-zero means the estate is not what the figures claim.
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"sourcing {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }

        await Console.Error.WriteLineAsync($"sourcing {args[0]} {args.ElementAtOrDefault(1)}: exit {process.ExitCode}");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The web app as deployed, on the benchmark's database (no Hangfire server, no test doubles).</summary>
    private sealed class BenchWebFactory(string connectionString, string keysPath) : WebApplicationFactory<Sourcing.Web.SharedResource>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // As the web tests run it: cookies work over plain HTTP on loopback.
            builder.UseEnvironment("Test");
            builder.UseSetting("ConnectionStrings:Sourcing", connectionString);
            builder.UseSetting("DataProtection:KeysPath", keysPath);
            builder.UseSetting("Hangfire:Server", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
