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

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var name = args.Required("name");
        var url = args.Required("url");
        var user = args.Required("user");
        var passwordEnv = args.Required("password-env");
        var storePassword = args.Flag("store-password");
        var thumbprint = args.Option("thumbprint");
        var insecure = args.Flag("insecure");
        var schedule = args.Option("schedule") ?? "0 2 * * *";
        var concurrency = args.Option("concurrency") is { } c
            ? int.TryParse(c, out var n) && n is >= 1 and <= 64 ? n : throw new UsageException("--concurrency måste vara 1–64.")
            : 8;
        var replace = args.Flag("replace");

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new UsageException("--url måste vara en https://-adress.");
        }

        if (thumbprint is not null && Thumbprint.Normalize(thumbprint) is null)
        {
            throw new UsageException("--thumbprint måste vara ett SHA-256-tumavtryck (64 hexsiffror; kolon, mellanslag och bindestreck tillåts).");
        }

        if (!Scans.CronSchedule.IsValid(schedule))
        {
            throw new UsageException($"--schedule \"{schedule}\" är inte ett giltigt cron-uttryck.");
        }

        if (!storePassword)
        {
            // Read at scan time by the web's workers too: only a variable the operator set aside for sources.
            var policy = secrets.Variables;
            if (!policy.IsAllowed(passwordEnv))
            {
                throw new UsageException("--password-env: " + policy.Refusal(passwordEnv));
            }
        }

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
            Url = url.TrimEnd('/'),
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
