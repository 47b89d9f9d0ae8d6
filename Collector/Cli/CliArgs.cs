namespace Sourcing.Collector.Cli;

/// <summary>
/// The arguments after the command path: positional values and --options. An option given
/// twice collects several values (e.g. --subscription A --subscription B). Flags have no value.
/// </summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CliArgs(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string value;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (flags.Contains(name))
                {
                    value = "true";
                }
                else if (i + 1 < list.Count)
                {
                    value = list[++i];
                }
                else
                {
                    throw new UsageException($"--{name} needs a value.");
                }

                if (!_options.TryGetValue(name, out var values))
                {
                    _options[name] = values = [];
                }

                values.Add(value);
            }
            else
            {
                Positional.Add(arg);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Option(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var values) ? values[^1] : null;
    }

    public IReadOnlyList<string> Options(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var values) ? values : [];
    }

    public string Required(string name) =>
        Option(name) ?? throw new UsageException($"--{name} is required.");

    public string Argument(int index, string what) =>
        index < Positional.Count ? Positional[index] : throw new UsageException($"{what} is missing.");

    /// <summary>Call after reading every option: an option nobody asked for is a usage error.</summary>
    public void EnsureNoUnknownOptions()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException("Unknown option: --" + string.Join(", --", unknown));
        }
    }
}
