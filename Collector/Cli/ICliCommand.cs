namespace Sourcing.Collector.Cli;

/// <summary>
/// One `sourcing` sub-command. Every non-abstract implementation in the Collector assembly is
/// found by the dispatcher, so a feature adds a command by adding a class. Return codes:
/// 0 ok, 1 partial, 2 failed (also: database or network unreachable, with a one-line message from the dispatcher),
/// 3 scan skipped (another scan of the source runs), 64 wrong usage (<see cref="CliArgs"/> throws <see cref="UsageException"/>),
/// 65 bad input file, 130 cancelled (Ctrl+C).
/// </summary>
public interface ICliCommand
{
    /// <summary>The words that select the command, e.g. ["import", "systems"].</summary>
    IReadOnlyList<string> Path { get; }

    /// <summary>One usage line, e.g. "import systems FILE [--dry-run]".</summary>
    string Usage { get; }

    /// <summary>Options that take no value, e.g. "dry-run", "insecure".</summary>
    IReadOnlySet<string> Flags => new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Runs the command. Services: NpgsqlDataSource, TimeProvider, ILogger&lt;T&gt;, IDataProtectionProvider and the collector's stores; create your own with ActivatorUtilities.</summary>
    Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken);
}
