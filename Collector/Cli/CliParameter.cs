namespace Sourcing.Collector.Cli;

/// <summary>How a command's argument or option is written on the command line; the dispatcher turns it into a System.CommandLine symbol.</summary>
public sealed record CliParameter(CliParameterKind Kind, string Name, string Description, string? ValueName = null, bool Required = false)
{
    /// <summary>A positional value, e.g. FILE. Not required: the command says in Swedish what is missing (some are optional with an option instead).</summary>
    public static CliParameter Argument(string name, string description, bool required = true) =>
        new(CliParameterKind.Argument, name, description, Required: required);

    /// <summary>An option with one value, e.g. --format json.</summary>
    public static CliParameter Value(string name, string valueName, string description, bool required = false) =>
        new(CliParameterKind.Value, name, description, valueName, required);

    /// <summary>An option that may be given several times, e.g. --role Drift --role Ledning.</summary>
    public static CliParameter Repeated(string name, string valueName, string description) =>
        new(CliParameterKind.Repeated, name, description, valueName);

    /// <summary>An option without a value, e.g. --dry-run.</summary>
    public static CliParameter Flag(string name, string description) =>
        new(CliParameterKind.Flag, name, description);
}

public enum CliParameterKind
{
    Argument,
    Value,
    Repeated,
    Flag,
}
