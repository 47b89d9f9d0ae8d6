using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Cli;

internal sealed class SourceAddVSphereCommand(SourceStore sources, SecretResolver secrets) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<SourceAddVSphereCommand>(
        ["source", "add", "vsphere"],
        "Registrerar en vCenter-källa för nattlig skanning.",
        CliParameter.Value("name", "NAME", "Källans namn.", required: true),
        CliParameter.Value("url", "URL", "vCenters https-adress.", required: true),
        CliParameter.Value("user", "USER", "Användare i vCenter.", required: true),
        CliParameter.Value("password-env", "VAR", "Miljövariabeln som håller lösenordet.", required: true),
        CliParameter.Flag("store-password", "Kryptera och spara lösenordet (Data Protection) i stället för att läsa variabeln vid varje skanning."),
        CliParameter.Value("thumbprint", "SHA256", "Certifikatets SHA-256-tumavtryck (pinning)."),
        CliParameter.Flag("insecure", "Stäng av certifikatkontrollen (varnar vid varje skanning)."),
        CliParameter.Value("schedule", "CRON", "Schema, Europe/Stockholm (standard 0 2 * * *)."),
        CliParameter.Value("concurrency", "N", "Samtidiga anrop, 1–64 (standard 8)."),
        CliParameter.Flag("replace", "Ersätt en källa med samma namn."));

    /// <summary>The option that carries each validated field, for the messages.</summary>
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        [SourceFields.Name] = "name",
        [SourceFields.Url] = "url",
        [SourceFields.UserName] = "user",
        [SourceFields.SecretEnv] = "password-env",
        [SourceFields.Thumbprint] = "thumbprint",
        [SourceFields.MaxConcurrency] = "concurrency",
        [SourceFields.Schedule] = "schedule",
    };

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var name = args.Required("name").Trim();
        var url = args.Required("url");
        var user = args.Required("user");
        var passwordEnv = args.Required("password-env");
        var storePassword = args.Flag("store-password");
        var thumbprint = args.Option("thumbprint");
        var insecure = args.Flag("insecure");
        var schedule = SourceValidator.NormaliseSchedule(args.Option("schedule") ?? "0 2 * * *");
        var concurrencyText = args.Option("concurrency") ?? "8";
        var replace = args.Flag("replace");

        // The variable is read at scan time by the web's workers too (unless --store-password keeps
        // the value): only a variable the operator set aside for sources. Same rules as the Källor page.
        SourceProblemText.ThrowIfAny(
            SourceValidator.Validate(
                new SourceValues
                {
                    Kind = "vsphere",
                    Name = name,
                    Url = url,
                    UserName = user,
                    SecretEnv = storePassword ? null : passwordEnv,
                    SecretEnvRequired = !storePassword,
                    Thumbprint = thumbprint,
                    MaxConcurrency = concurrencyText,
                    Schedule = schedule,
                },
                secrets.Variables),
            Options,
            secrets.Variables);
        var concurrency = SourceValidator.ParseConcurrency(concurrencyText)!.Value;

        string? protectedSecret = null;
        if (storePassword)
        {
            var value = Environment.GetEnvironmentVariable(passwordEnv);
            if (string.IsNullOrEmpty(value))
            {
                throw new UsageException($"--store-password: miljövariabeln {passwordEnv} är inte satt.");
            }

            protectedSecret = secrets.Protect(value);
        }

        var source = new NewSource
        {
            Name = name,
            Kind = "vsphere",
            Url = url.Trim().TrimEnd('/'),
            Username = user,
            SecretEnv = storePassword ? null : passwordEnv,
            SecretProtected = protectedSecret,
            Thumbprint = thumbprint,
            Insecure = insecure,
            Schedule = schedule,
            MaxConcurrency = concurrency,
        };
        var store = sources;
        var id = replace ? await store.UpsertAsync(source, cancellationToken) : await store.AddAsync(source, cancellationToken);
        await output.WriteLineAsync($"Källa \"{name}\" (vSphere) registrerad med id {id}; schema \"{schedule}\" Europe/Stockholm.");
        if (insecure)
        {
            await Console.Error.WriteLineAsync("Varning: --insecure stänger av certifikatkontrollen. Använd hellre --thumbprint.");
        }

        return 0;
    }
}
