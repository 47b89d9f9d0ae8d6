using System.CommandLine;

namespace Sourcing.Collector.Cli;

/// <summary>The parsed values of one command, read by the names in its <see cref="CliCommandSpec"/>. System.CommandLine has already refused unknown options and extra arguments.</summary>
public sealed class CliArgs
{
    private readonly ParseResult _result;
    private readonly List<CliParameter> _arguments;

    internal CliArgs(ParseResult result, CliCommandSpec spec)
    {
        _result = result;
        _arguments = spec.Arguments.ToList();
    }

    public bool Flag(string name) => _result.GetValue<bool>("--" + name);

    public string? Option(string name) => _result.GetValue<string?>("--" + name);

    public IReadOnlyList<string> Options(string name) => _result.GetValue<string[]?>("--" + name) ?? [];

    public string Required(string name) =>
        Option(name) ?? throw new UsageException($"--{name} krävs.");

    /// <summary>The positional value at <paramref name="index"/>; <paramref name="what"/> names it in the Swedish message when it is missing.</summary>
    public string Argument(int index, string what) =>
        (index < _arguments.Count ? _result.GetValue<string?>(_arguments[index].Name) : null)
        ?? throw new UsageException($"{what} saknas.");
}
