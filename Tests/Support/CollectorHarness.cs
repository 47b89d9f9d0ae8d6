using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Sources;

namespace Sourcing.Tests.Support;

/// <summary>The scan machinery wired by hand on a test database, with logs captured.</summary>
public sealed class CollectorHarness
{
    public CollectorHarness(PostgresDatabase database, params IResourceCollector[] collectors)
    {
        Database = database;
        Logs = new ListLoggerProvider();
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        var keys = Directory.CreateTempSubdirectory("sourcing-keys-");
        Protection = DataProtectionProvider.Create(keys);
        Sources = new SourceStore(database.DataSource);
        Scans = new ScanStore(database.DataSource);
        Resources = new ResourceStore(database.DataSource, LoggerFactory.CreateLogger<ResourceStore>());
        Secrets = new SecretResolver(Protection, new ConfigurationBuilder().Build());
        Collectors = collectors;
    }

    public PostgresDatabase Database { get; }

    public ListLoggerProvider Logs { get; }

    public ILoggerFactory LoggerFactory { get; }

    public IDataProtectionProvider Protection { get; }

    public SourceStore Sources { get; }

    public ScanStore Scans { get; }

    public ResourceStore Resources { get; }

    public SecretResolver Secrets { get; }

    public IReadOnlyList<IResourceCollector> Collectors { get; }

    public List<IAfterScan> AfterScan { get; } = [];

    /// <summary>The scan lease's TTL and renewal beat; tests that let a lease expire shorten them.</summary>
    public ScanLeaseOptions LeaseOptions { get; set; } = new();

    public ScanLeaseStore Leases => new(Database.DataSource, LeaseOptions, LoggerFactory.CreateLogger<ScanLeaseStore>());

    public ScanRunner Runner() => new(
        Database.DataSource, Sources, Scans, Resources, Secrets, Collectors, AfterScan, TimeProvider.System,
        LoggerFactory.CreateLogger<ScanRunner>(), Leases, new UtilisationStore(Database.DataSource));

    public Task<long> AddSourceAsync(string name, string kind = "vsphere", string? secretEnv = null) =>
        Sources.AddAsync(new NewSource { Name = name, Kind = kind, Url = "https://127.0.0.1:1", Username = "u", SecretEnv = secretEnv }, CancellationToken.None);
}
