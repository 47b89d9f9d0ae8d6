using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sourcing.Collector.Cli;

/// <summary>
/// The `sourcing` command line. Logs go to stderr so that --format json|csv output stays clean. A named
/// class rather than top-level statements: those make a global `Program`, which clashes with the web
/// host's `Program` in the OpenAPI document's XML comments (both are "T:Program").
/// </summary>
internal static class CliProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSourcingCollector(builder.Configuration);
        builder.Services.AddSourcingCli();
        // Every command and what it needs is checked when the container is built: a missing registration fails every run, not the one command a user happens to run.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        using var host = builder.Build();

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        return await CliDispatcher.RunAsync(args, host.Services, Console.Out, Console.Error, cancel.Token);
    }
}
