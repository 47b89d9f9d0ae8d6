using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Sourcing.Collector.Cli;

/// <summary>
/// Parses the `sourcing` command line with System.CommandLine (the commands of <see cref="CliCommands"/>),
/// prints Swedish help on --help / -h (exit 0) and Swedish usage errors (exit 64), and runs the chosen
/// command, built by dependency injection.
/// </summary>
public static class CliDispatcher
{
    public const int ExitUsage = 64;

    /// <summary>The command failed (also: the database or the network could not be reached).</summary>
    public const int ExitFailed = 2;

    /// <summary>`scan`: another scan of the source was running, so this one did not start.</summary>
    public const int ExitSkipped = 3;

    /// <summary>Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int ExitCancelled = 130;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (root, specs) = BuildRoot();
        var result = root.Parse(args.ToArray());
        var command = result.CommandResult.Command;

        // --help, -h, --version and the [suggest] directive of tab completion: System.CommandLine's own actions.
        if (result.Action is { } action && action is not ParseErrorAction)
        {
            return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }

        if (result.Errors.Count > 0 || !specs.TryGetValue(command, out var spec))
        {
            foreach (var message in SwedishErrors(result))
            {
                await error.WriteLineAsync(message);
            }

            await WriteUsageHintAsync(command, error);
            return ExitUsage;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var instance = (ICliCommand)scope.ServiceProvider.GetRequiredService(spec.CommandType);
            return await instance.RunAsync(new CliArgs(result, spec), output, cancellationToken);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await WriteUsageHintAsync(command, error);
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

    /// <summary>The System.CommandLine tree of every command, and which spec each leaf runs.</summary>
    internal static (RootCommand Root, IReadOnlyDictionary<Command, CliCommandSpec> Specs) BuildRoot()
    {
        var root = new RootCommand("sourcing: inventering, bedömning och planering av regionens servrar och system.");
        var specs = new Dictionary<Command, CliCommandSpec>();
        foreach (var spec in CliCommands.All)
        {
            Command parent = root;
            foreach (var word in spec.Path.SkipLast(1))
            {
                var group = parent.Subcommands.FirstOrDefault(c => c.Name == word);
                if (group is null)
                {
                    group = new Command(word, CliCommands.GroupDescription(word));
                    parent.Subcommands.Add(group);
                }

                parent = group;
            }

            var command = new Command(spec.Path[^1], spec.Description);
            foreach (var parameter in spec.Parameters)
            {
                switch (parameter.Kind)
                {
                    case CliParameterKind.Argument:
                        var argument = new Argument<string>(parameter.Name)
                        {
                            Description = parameter.Description,
                            Arity = parameter.Required ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
                        };

                        // System.CommandLine takes an unknown "--x" as the argument's value; a misspelt option is a usage error, not a file or source named "--x".
                        argument.Validators.Add(result =>
                        {
                            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
                            {
                                result.AddError("Okänd flagga: " + token.Value);
                            }
                        });
                        command.Arguments.Add(argument);
                        break;
                    case CliParameterKind.Value:
                        command.Options.Add(new Option<string>("--" + parameter.Name) { Description = Described(parameter), HelpName = parameter.ValueName });
                        break;
                    case CliParameterKind.Repeated:
                        command.Options.Add(new Option<string[]>("--" + parameter.Name)
                        {
                            Description = Described(parameter),
                            HelpName = parameter.ValueName,
                            AllowMultipleArgumentsPerToken = false,
                        });
                        break;
                    case CliParameterKind.Flag:
                        command.Options.Add(new Option<bool>("--" + parameter.Name) { Description = parameter.Description });
                        break;
                }
            }

            parent.Subcommands.Add(command);
            specs[command] = spec;
        }

        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Description = "Visar hjälp och användning.";
                    help.Action = new SwedishHelp.Action();

                    break;
                case VersionOption version:
                    version.Description = "Visar versionen.";
                    break;
            }
        }

        return (root, specs);
    }

    private static string Described(CliParameter parameter) =>
        parameter.Required ? parameter.Description + " (krävs)" : parameter.Description;

    /// <summary>System.CommandLine's messages are English; these say the same in Swedish.</summary>
    internal static IEnumerable<string> SwedishErrors(ParseResult result)
    {
        var unmatched = result.UnmatchedTokens;
        foreach (var token in unmatched)
        {
            yield return token.StartsWith('-') ? $"Okänd flagga: {token}" : $"Okänt argument: {token}";
        }

        foreach (var error in result.Errors)
        {
            if (unmatched.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return error.SymbolResult switch
            {
                OptionResult { Option.ValueType: var type } option when type == typeof(bool) => $"{option.Option.Name} tar inget värde.",
                OptionResult option => $"{option.Option.Name} behöver ett värde.",
                ArgumentResult { Tokens.Count: > 0 } => error.Message,
                ArgumentResult argument => $"{argument.Argument.Name} saknas.",
                CommandResult { Command.Subcommands.Count: > 0 } => "Ange ett kommando.",
                CommandResult command when command.Command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0) is { } missing
                    => $"{missing.Name} saknas.",
                _ => error.Message,
            };
        }
    }

    private static async Task WriteUsageHintAsync(Command command, TextWriter error)
    {
        await error.WriteLineAsync("Användning: " + SwedishHelp.UsageLine(command));
        await error.WriteLineAsync($"Mer: {SwedishHelp.CommandPath(command)} --help");
    }

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
