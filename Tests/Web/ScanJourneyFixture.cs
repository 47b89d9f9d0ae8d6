using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Auth;
using Sourcing.Collector.Sources;
using Sourcing.Tests.Simulators.VCenter;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Web;

/// <summary>
/// The whole chain a person starts with "Skanna nu": the web app with its Hangfire server switched on, over its own
/// database, and a simulated vCenter on loopback registered as a source (pinned thumbprint, password from settings).
/// </summary>
public sealed class ScanJourneyFixture : IAsyncLifetime
{
    public const string SourceName = "vcenter-webbläsartest";
    public const int Vms = 300;

    private readonly string _keysPath = Path.Combine(Path.GetTempPath(), "sourcing-scan-journey-" + Guid.NewGuid().ToString("N"));

    public PostgresDatabase Database { get; } = new();

    public VCenterSimulator Simulator { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public long SourceId { get; private set; }

    /// <summary>The app's warnings and errors, for the failure message of a journey that went wrong.</summary>
    public ListLoggerProvider Logs { get; } = new();

    public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Sourcing.Web.SharedResource>? Factory { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Simulator = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = Vms, Clusters = 2, HostsPerCluster = 3 });
        var hash = LocalAccounts.Hash(WebAppFixture.Password);
        await new UserStore(Database.DataSource).UpsertAsync("drift", "Dora Drift", hash, [Roles.Drift], CancellationToken.None);
        SourceId = await new SourceStore(Database.DataSource).AddAsync(new NewSource
        {
            Name = SourceName,
            Kind = "vsphere",
            Url = Simulator.Url,
            Username = Simulator.Options.Username,
            SecretEnv = "SOURCING_SECRET_SCAN_JOURNEY",
            Thumbprint = Simulator.Thumbprint,
        }, CancellationToken.None);

        var factory = new SourcingWebFactory(Database.ConnectionString, _keysPath, new Dictionary<string, string>
        {
            ["Hangfire:Server"] = "true",
            ["Hangfire:WorkerCount"] = "2",
            ["Sourcing:Secrets:SOURCING_SECRET_SCAN_JOURNEY"] = Simulator.Options.Password,
        }, Logs);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        Factory = factory;
        BaseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        // Let anything still held through, so the Hangfire server's graceful shutdown does not wait on it.
        Simulator?.Faults.Release();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }

        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_keysPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
