using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Auth;

/// <summary>
/// Creates or resets one account per role (drift, sourcing, ledning) with fresh random passwords
/// and prints them as "user&lt;TAB&gt;role&lt;TAB&gt;password" lines for the demo script. Refused in the
/// Production environment (the CLI's default) unless --force.
/// </summary>
internal sealed class UserDemoAccountsCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["user", "demo-accounts"];

    public string Usage => "user demo-accounts [--force]   (DOTNET_ENVIRONMENT=Development, or --force)";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(["force"], StringComparer.Ordinal);

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var force = args.Flag("force");
        args.EnsureNoUnknownOptions();

        var environment = services.GetService<IHostEnvironment>();
        if ((environment is null || environment.IsProduction()) && !force)
        {
            await Console.Error.WriteLineAsync(
                "Demokonton skapas inte i miljön Production. Sätt DOTNET_ENVIRONMENT=Development eller ange --force.");
            return 2;
        }

        var store = ActivatorUtilities.CreateInstance<UserStore>(services, services.GetRequiredService<NpgsqlDataSource>());
        await output.WriteLineAsync("# användare\troll\tlösenord");
        foreach (var role in Roles.All)
        {
            var userName = role.ToLowerInvariant();
            var password = LocalAccounts.GeneratePassword();
            await store.UpsertAsync(userName, $"Demo {role}", LocalAccounts.Hash(password), [role], cancellationToken);
            await output.WriteLineAsync($"{userName}\t{role}\t{password}");
        }

        return 0;
    }
}
