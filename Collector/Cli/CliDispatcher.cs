using System.Reflection;

namespace Sourcing.Collector.Cli;

/// <summary>Finds the command whose path matches the longest prefix of the arguments and runs it.</summary>
public static class CliDispatcher
{
    public const int ExitUsage = 64;

    public static IReadOnlyList<ICliCommand> Commands { get; } = typeof(CliDispatcher).Assembly.GetTypes()
        .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (ICliCommand)Activator.CreateInstance(t, nonPublic: true)!)
        .OrderBy(c => string.Join(' ', c.Path), StringComparer.Ordinal)
        .ToList();

    public static ICliCommand? Find(IReadOnlyList<string> args) =>
        Commands
            .Where(c => c.Path.Count <= args.Count && c.Path.Select((word, i) => word == args[i]).All(x => x))
            .MaxBy(c => c.Path.Count);

    public static string UsageText() =>
        "usage: sourcing <command>\n" + string.Join('\n', Commands.Select(c => "  sourcing " + c.Usage));

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var command = Find(args);
        if (command is null)
        {
            await error.WriteLineAsync(UsageText());
            return ExitUsage;
        }

        try
        {
            var parsed = new CliArgs(args.Skip(command.Path.Count), command.Flags);
            return await command.RunAsync(parsed, services, output, cancellationToken);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync("usage: sourcing " + command.Usage);
            return ExitUsage;
        }
    }

    internal static string Version =>
        typeof(CliDispatcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
}
