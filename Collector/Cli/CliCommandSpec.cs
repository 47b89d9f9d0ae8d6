namespace Sourcing.Collector.Cli;

/// <summary>One `sourcing` command as written on the command line: its words, a Swedish description for --help and its parameters. The type is resolved from DI when the command runs.</summary>
public sealed record CliCommandSpec(Type CommandType, IReadOnlyList<string> Path, string Description, IReadOnlyList<CliParameter> Parameters)
{
    public static CliCommandSpec Of<TCommand>(IReadOnlyList<string> path, string description, params CliParameter[] parameters)
        where TCommand : class, ICliCommand =>
        new(typeof(TCommand), path, description, parameters);

    public IEnumerable<CliParameter> Arguments => Parameters.Where(p => p.Kind == CliParameterKind.Argument);
}
