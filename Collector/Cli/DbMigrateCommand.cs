using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Store;

namespace Sourcing.Collector.Cli;

internal sealed class DbMigrateCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["db", "migrate"];

    public string Usage => "db migrate";

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        args.EnsureNoUnknownOptions();
        var applied = await services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        await output.WriteLineAsync(applied.Count == 0
            ? "Databasen är redan uppdaterad."
            : $"Tillämpade migreringar: {string.Join(", ", applied)}");
        return 0;
    }
}
