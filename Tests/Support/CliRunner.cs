using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sourcing.Collector;
using Sourcing.Collector.Cli;

namespace Sourcing.Tests.Support;

/// <summary>Runs `sourcing` commands in-process, with the container the CLI builds (validated on build) on a test database.</summary>
internal static class CliRunner
{
    /// <summary>The CLI's services on <paramref name="database"/>; <paramref name="replace"/> registers fakes (the last registration wins).</summary>
    public static ServiceProvider Services(PostgresDatabase database, Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sourcing"] = database.ConnectionString,
            ["DataProtection:KeysPath"] = Path.Combine(Path.GetTempPath(), "sourcing-test-keys"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = Environments.Development });
        services.AddSourcingCollector(configuration).AddSourcingCli();
        services.AddSingleton(database.DataSource);
        replace?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static async Task<(int Code, string Output, string Error)> RunAsync(IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliDispatcher.RunAsync(args, services, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
