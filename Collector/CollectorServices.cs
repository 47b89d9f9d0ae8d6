using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Azure;
using Sourcing.Collector.Imports;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Planning;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Sources;
using Sourcing.Collector.Store;
using Sourcing.Collector.VSphere;
using Sourcing.Collector.Workloads;

namespace Sourcing.Collector;

/// <summary>Registers the store, the collectors and the scan machinery; shared by the web host and the CLI.</summary>
public static class CollectorServices
{
    /// <summary>The local demo database that scripts/pg.sh creates; the password comes from ~/.pgpass.</summary>
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Database=sourcing;Username=sourcing";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Sourcing") is { Length: > 0 } cs ? cs : DefaultConnectionString;

    public static IServiceCollection AddSourcingCollector(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionString(configuration);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = "sourcing" }.Build());
        services.AddSingleton(TimeProvider.System);

        // Source secrets are encrypted with these keys. Every process that scans (web, CLI, more
        // Hangfire servers) must share the key folder: point DataProtection:KeysPath at shared storage.
        var keysPath = configuration["DataProtection:KeysPath"] is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "sourcing", "keys");
        Directory.CreateDirectory(keysPath);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keysPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        services.AddDataProtection().SetApplicationName("Sourcing").PersistKeysToFileSystem(new DirectoryInfo(keysPath));

        services.AddSingleton<Migrator>();
        services.AddSingleton<SourceStore>();
        services.AddSingleton<SecretResolver>();
        services.AddSingleton<ScanStore>();
        services.AddSingleton<ScanLeaseStore>();
        services.AddSingleton<ResourceStore>();
        services.AddSingleton<UtilisationStore>();
        services.AddTransient<ScanRunner>();
        services.AddTransient<ScanJob>();

        services.AddVSphereCollector();
        services.AddOptions<AzureCollectorOptions>();
        services.AddSingleton<IResourceCollector, AzureCollector>();

        services.AddSingleton<WorkloadStore>();
        services.AddSingleton<IWorkloadSource, WorkloadSource>();
        services.AddTransient<MappingJob>();
        services.AddTransient<SystemRegisterImport>();
        services.AddTransient<RvToolsImport>();
        services.AddSingleton<AssessmentStore>();
        services.AddSingleton<SupplierStore>();
        services.AddTransient<AnalyzeJob>();
        services.AddTransient<CurrentAssessment>();
        services.AddTransient<TrainModelJob>();
        services.AddSingleton<ScenarioStore>();
        services.AddTransient<ScenarioPurgeJob>();
        services.AddSingleton<PlanningInputVersion>();
        services.AddSingleton<CostBudgetStore>();
        services.AddTransient<IEstateSource, EstateSource>();
        services.AddScoped<PlanningService>();
        services.AddTransient<IAfterScan, RefreshAfterScan>();
        return services;
    }

    /// <summary>Hangfire on the same PostgreSQL, in schema hangfire. More capacity = more servers on this storage.</summary>
    public static JobStorage CreateHangfireStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
