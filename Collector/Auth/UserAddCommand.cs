using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Auth;

/// <summary>Adds (or with --replace resets) a local web account. Without --password-env a password is generated and printed once.</summary>
internal sealed class UserAddCommand(UserStore store) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<UserAddCommand>(
        ["user", "add"],
        "Lägger till (eller med --replace återställer) ett lokalt webbkonto.",
        CliParameter.Value("name", "NAME", "Användarnamn.", required: true),
        CliParameter.Repeated("role", "Drift|Sourcing|Ledning", "Roll; kan anges flera gånger."),
        CliParameter.Value("display-name", "TEXT", "Visningsnamn."),
        CliParameter.Value("password-env", "VAR", "Miljövariabeln som håller lösenordet; utan den skapas ett och visas en gång."),
        CliParameter.Flag("replace", "Byt lösenord och roller på ett befintligt konto."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var name = args.Required("name").Trim();
        var roleNames = args.Options("role");
        var displayName = args.Option("display-name") ?? name;
        var passwordEnv = args.Option("password-env");
        var replace = args.Flag("replace");

        if (!LocalAccounts.IsValidUserName(name))
        {
            throw new UsageException("--name måste vara 1–100 tecken utan mellanslag.");
        }

        if (roleNames.Count == 0)
        {
            throw new UsageException("--role krävs (Drift, Sourcing eller Ledning).");
        }

        var roles = roleNames
            .Select(r => Roles.Normalize(r) ?? throw new UsageException($"Okänd roll \"{r}\": använd Drift, Sourcing eller Ledning."))
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
                    PasswordProblem.SameAsUserName => $"Miljövariabeln {passwordEnv} har användarnamnet som lösenord.",
                    _ => $"Miljövariabeln {passwordEnv} måste hålla ett lösenord på {LocalAccounts.MinPasswordLength}–{LocalAccounts.MaxPasswordLength} tecken.",
                });
            }
        }
        else
        {
            password = LocalAccounts.GeneratePassword();
            generated = true;
        }

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
