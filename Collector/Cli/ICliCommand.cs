namespace Sourcing.Collector.Cli;

/// <summary>
/// One `sourcing` sub-command, built by dependency injection with the services it needs. Its
/// syntax is a <see cref="CliCommandSpec"/> listed in <see cref="CliCommands"/>; System.CommandLine
/// parses it. Return codes: 0 ok, 1 partial, 2 failed (also: database or network unreachable, with a
/// one-line message from the dispatcher), 3 scan skipped (another scan of the source runs), 64 wrong
/// usage (parse errors, or the command throws <see cref="UsageException"/>), 65 bad input file,
/// 130 cancelled (Ctrl+C).
/// </summary>
public interface ICliCommand
{
    Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken);
}
