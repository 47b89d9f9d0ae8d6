using Sourcing.Collector.Store;

namespace Sourcing.Collector.Cli;

internal sealed class DbMigrateCommand(Migrator migrator) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<DbMigrateCommand>(
        ["db", "migrate"],
        "Skapar eller uppdaterar databasens tabeller (migreringar).");

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        await output.WriteLineAsync(applied.Count == 0
            ? "Databasen är redan uppdaterad."
            : $"Tillämpade migreringar: {string.Join(", ", applied)}");
        return 0;
    }
}
