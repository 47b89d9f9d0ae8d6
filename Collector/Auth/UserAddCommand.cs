using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Auth;

/// <summary>Adds (or with --replace resets) a local web account. Without --password-env a password is generated and printed once.</summary>
internal sealed class UserAddCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["user", "add"];

    public string Usage => "user add --name NAME --role Drift|Sourcing|Ledning [--role ...] [--display-name TEXT] [--password-env VAR] [--replace]";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(["replace"], StringComparer.Ordinal);

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var name = args.Required("name").Trim();
        var roleNames = args.Options("role");
        var displayName = args.Option("display-name") ?? name;
        var passwordEnv = args.Option("password-env");
        var replace = args.Flag("replace");
        args.EnsureNoUnknownOptions();

        if (!LocalAccounts.IsValidUserName(name))
        {
            throw new UsageException("--name must be 1–100 characters without spaces.");
        }

        if (roleNames.Count == 0)
        {
            throw new UsageException("--role is required (Drift, Sourcing or Ledning).");
        }

        var roles = roleNames
            .Select(r => Roles.Normalize(r) ?? throw new UsageException($"Unknown role \"{r}\": use Drift, Sourcing or Ledning."))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        string password;
        var generated = false;
        if (passwordEnv is not null)
        {
            password = Environment.GetEnvironmentVariable(passwordEnv) ?? "";
            // The same rules as the user page on the web.
            if (LocalAccounts.CheckNewPassword(password, name) is { } problem)
            {
                throw new UsageException(problem switch
                {
                    PasswordProblem.SameAsUserName => $"Environment variable {passwordEnv} holds the user name as password.",
                    _ => $"Environment variable {passwordEnv} must hold a password of {LocalAccounts.MinPasswordLength}–{LocalAccounts.MaxPasswordLength} characters.",
                });
            }
        }
        else
        {
            password = LocalAccounts.GeneratePassword();
            generated = true;
        }

        var store = ActivatorUtilities.CreateInstance<UserStore>(services, services.GetRequiredService<NpgsqlDataSource>());
        if (!replace && await store.FindAsync(name, cancellationToken) is not null)
        {
            await output.WriteLineAsync($"Användaren \"{name}\" finns redan. Använd --replace för att byta lösenord och roller.");
            return 2;
        }

        await store.UpsertAsync(name, displayName, LocalAccounts.Hash(password), roles, cancellationToken);
        await output.WriteLineAsync($"Användaren \"{name}\" sparad med roll {string.Join(", ", roles)}.");
        if (generated)
        {
            await output.WriteLineAsync($"Lösenord (visas bara nu): {password}");
        }

        return 0;
    }
}
