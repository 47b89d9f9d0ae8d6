using System.Globalization;
using Sourcing.Tests.Simulators.VCenter;

namespace Sourcing.Tests.Simulators;

/// <summary>
/// Runs the simulated vCenter (and, later, Azure) on loopback for the demo and the benchmarks:
/// <code>dotnet Sourcing.Tests.dll simulate --vcenter-port 9443 [--vms 1500] [--seed 42] [--latency-ms 0] [--vcenter-version 8.0.3] --cert-dir DIR</code>
/// writes DIR/vcenter.thumbprint (SHA-256 hex of the server certificate) once listening, then
/// runs until killed (SIGTERM/SIGINT/Ctrl+C).
/// </summary>
public static class SimulatorHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        Dictionary<string, string> options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage: simulate --vcenter-port PORT [--vms 1500] [--seed 42] [--latency-ms 0] [--vcenter-cap 4000] [--vcenter-version 7.0.3|8.0.3] --cert-dir DIR [--azure-port PORT]");
            return 64;
        }

        var certDir = options.GetValueOrDefault("cert-dir") ?? Directory.GetCurrentDirectory();
        Directory.CreateDirectory(certDir);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });

        var disposables = new List<IAsyncDisposable>();
        try
        {
            if (options.TryGetValue("vcenter-port", out var port))
            {
                var simulator = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions
                {
                    Port = Int(port),
                    Vms = options.TryGetValue("vms", out var vms) ? Int(vms) : 1500,
                    Seed = options.TryGetValue("seed", out var seed) ? Int(seed) : 42,
                    LatencyMs = options.TryGetValue("latency-ms", out var latency) ? Int(latency) : 0,
                    VmListCap = options.TryGetValue("vcenter-cap", out var cap) ? Int(cap) : VCenterFaults.DefaultVmListCap,
                    Version = options.GetValueOrDefault("vcenter-version") ?? "7.0.3",
                    Username = options.GetValueOrDefault("vcenter-user") ?? "administrator@vsphere.local",
                    Password = Environment.GetEnvironmentVariable("VCENTER_SIM_PASSWORD") ?? "Sim-Passw0rd!",
                }, stop.Token);
                disposables.Add(simulator);
                await File.WriteAllTextAsync(Path.Combine(certDir, "vcenter.thumbprint"), simulator.Thumbprint + "\n", stop.Token);
                Console.WriteLine(
                    $"vCenter simulator {simulator.Options.Version}: {simulator.Url} ({simulator.Estate.VmCount} VMs, user {simulator.Options.Username}, SHA-256 {simulator.Thumbprint})");
            }

            if (options.TryGetValue("azure-port", out var azurePort))
            {
                // Tenant, client and secret match what scripts/demo.sh registers as the demo Azure source.
                var azure = await Azure.AzureSimulator.StartAsync(new Azure.AzureSimulatorOptions
                {
                    Port = Int(azurePort),
                    Https = true,
                    Seed = options.TryGetValue("seed", out var azureSeed) ? Int(azureSeed) : 42,
                    ResourceCount = options.TryGetValue("azure-resources", out var count) ? Int(count) : 300,
                    CertificatePath = Path.Combine(certDir, "azure.pfx"),
                    TenantId = "00000000-0000-0000-0000-000000000001",
                    ClientId = "00000000-0000-0000-0000-0000000000c1",
                    ClientSecret = Environment.GetEnvironmentVariable("AZURE_SIM_SECRET") ?? "demo-azure-secret",
                });
                disposables.Add(azure);
                await File.WriteAllTextAsync(Path.Combine(certDir, "azure.thumbprint"), azure.Thumbprint + "\n", stop.Token);
                Console.WriteLine($"Azure simulator: https://127.0.0.1:{azurePort} (SHA-256 {azure.Thumbprint})");
            }

            if (disposables.Count == 0)
            {
                await Console.Error.WriteLineAsync("nothing to simulate: give --vcenter-port (and/or --azure-port)");
                return 64;
            }

            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return 0;
        }
        finally
        {
            foreach (var disposable in disposables)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            options[args[i][2..]] = args[++i];
        }

        return options;
    }

    private static int Int(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"not a number: '{value}'");
}
