using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Avbrutet.");
            return ExitCancelled;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One line, in Swedish, and the documented code: never a stack trace and exit 134 for a database that is down.
            await error.WriteLineAsync(Describe(e, services));
            return ExitFailed;
        }
    }

    /// <summary>The command failed (also: the database or the network could not be reached).</summary>
    public const int ExitFailed = 2;

    /// <summary>`scan`: another scan of the source was running, so this one did not start.</summary>
    public const int ExitSkipped = 3;

    /// <summary>Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int ExitCancelled = 130;

    /// <summary>A one-line Swedish message for a failure; names the database server (never the password) when it is the database.</summary>
    internal static string Describe(Exception e, IServiceProvider services)
    {
        var npgsql = Find<NpgsqlException>(e);
        if (npgsql is not null && npgsql is not PostgresException)
        {
            var where = "";
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(services.GetService<NpgsqlDataSource>()?.ConnectionString ?? "");
                where = $" ({builder.Host}:{builder.Port}, databas {builder.Database})";
            }
            catch (ArgumentException)
            {
            }

            return OneLine($"Fel: databasen kunde inte nås{where}: {Innermost(e).Message}. Kontrollera ConnectionStrings__Sourcing och att PostgreSQL är igång.");
        }

        if (e is PostgresException pg)
        {
            return OneLine($"Fel: databasen svarade med fel {pg.SqlState}: {pg.MessageText}");
        }

        if (Find<System.Net.Sockets.SocketException>(e) is not null || Find<HttpRequestException>(e) is not null || e is TimeoutException)
        {
            return OneLine($"Fel: nätverket: {e.Message}");
        }

        return OneLine("Fel: " + e.Message);
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    internal static string Version =>
        typeof(CliDispatcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
}
