using Microsoft.Extensions.Hosting;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Auth;

/// <summary>
/// Creates or resets one account per role (drift, sourcing, ledning) with fresh random passwords
/// and prints them as "user&lt;TAB&gt;role&lt;TAB&gt;password" lines for the demo script. Refused in the
/// Production environment (the CLI's default) unless --force.
/// </summary>
internal sealed class UserDemoAccountsCommand(UserStore store, IHostEnvironment environment) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<UserDemoAccountsCommand>(
        ["user", "demo-accounts"],
        "Skapar eller återställer ett demokonto per roll (DOTNET_ENVIRONMENT=Development, eller --force).",
        CliParameter.Flag("force", "Även i miljön Production."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var force = args.Flag("force");

        if (environment.IsProduction() && !force)
        {
            await Console.Error.WriteLineAsync(
                "Demokonton skapas inte i miljön Production. Sätt DOTNET_ENVIRONMENT=Development eller ange --force.");
            return 2;
        }

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
