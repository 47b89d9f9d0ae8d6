using Sourcing.Collector.Cli;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Azure;

/// <summary>`sourcing source add azure`: registers an Azure tenant (some or all of its subscriptions) for the nightly scan.</summary>
internal sealed class AzureSourceAddCommand(AzureSourceRegistration registration, SecretResolver secrets) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<AzureSourceAddCommand>(
        ["source", "add", "azure"],
        "Registrerar en Azure-tenant (några eller alla prenumerationer) för nattlig skanning.",
        CliParameter.Value("name", "NAME", "Källans namn.", required: true),
        CliParameter.Value("tenant", "ID", "Tenant-id (GUID) eller verifierad domän.", required: true),
        CliParameter.Repeated("subscription", "ID", "Prenumeration (GUID); kan anges flera gånger eller kommaseparerat. Utan: alla."),
        CliParameter.Value("credential", "secret|certificate|managed-identity|workload-identity", "Hur källan loggar in (standard secret)."),
        CliParameter.Value("client-id", "ID", "Appregistreringens klient-id."),
        CliParameter.Value("secret-env", "VAR", "Miljövariabeln som håller klienthemligheten."),
        CliParameter.Value("certificate-path", "FILE", "Certifikatfil för --credential certificate."),
        CliParameter.Value("arm-endpoint", "URL", "Resource Manager-adress (suveränt moln)."),
        CliParameter.Value("authority", "URL", "Inloggningsadress (suveränt moln)."),
        CliParameter.Value("audience", "AUD", "Token-målgrupp."),
        CliParameter.Value("thumbprint", "SHA256", "Certifikatets SHA-256-tumavtryck (pinning)."),
        CliParameter.Value("schedule", "CRON", "Schema, Europe/Stockholm (standard 0 2 * * *)."),
        CliParameter.Value("concurrency", "N", "Samtidiga anrop, 1–64."),
        CliParameter.Flag("replace", "Ersätt en källa med samma namn."));

    /// <summary>The option that carries each validated field, for the messages.</summary>
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        [SourceFields.Name] = "name",
        [SourceFields.TenantId] = "tenant",
        [SourceFields.Subscriptions] = "subscription",
        [SourceFields.Credential] = "credential",
        [SourceFields.ClientId] = "client-id",
        [SourceFields.SecretEnv] = "secret-env",
        [SourceFields.CertificatePath] = "certificate-path",
        [SourceFields.ArmEndpoint] = "arm-endpoint",
        [SourceFields.AuthorityHost] = "authority",
        [SourceFields.Thumbprint] = "thumbprint",
        [SourceFields.MaxConcurrency] = "concurrency",
        [SourceFields.Schedule] = "schedule",
    };

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var name = args.Required("name").Trim();
        var tenant = args.Required("tenant").Trim();
        var subscriptions = SourceValidator.SplitSubscriptions(args.Options("subscription"));
        var credential = args.Option("credential") ?? AzureCredentialKinds.Secret;
        var clientId = args.Option("client-id");
        var secretEnv = args.Option("secret-env");
        var certificatePath = args.Option("certificate-path") is { } path ? System.IO.Path.GetFullPath(path) : null;
        var armText = args.Option("arm-endpoint");
        var authorityText = args.Option("authority");
        var audience = args.Option("audience");
        var thumbprintText = args.Option("thumbprint");
        var schedule = SourceValidator.NormaliseSchedule(args.Option("schedule") ?? "0 2 * * *");
        // Subscriptions read side by side.
        var concurrencyText = args.Option("concurrency") ?? "8";
        var replace = args.Flag("replace");

        // Same rules as the Källor page (SourceValidator); only the wording names the options.
        SourceProblemText.ThrowIfAny(
            SourceValidator.Validate(
                new SourceValues
                {
                    Kind = "azure",
                    Name = name,
                    TenantId = tenant,
                    Subscriptions = subscriptions,
                    Credential = credential,
                    ClientId = clientId,
                    SecretEnv = secretEnv,
                    SecretEnvRequired = credential == AzureCredentialKinds.Secret,
                    CertificatePath = certificatePath,
                    ArmEndpoint = armText,
                    AuthorityHost = authorityText,
                    Thumbprint = thumbprintText,
                    MaxConcurrency = concurrencyText,
                    Schedule = schedule,
                },
                secrets.Variables),
            Options,
            secrets.Variables);
        var concurrency = SourceValidator.ParseConcurrency(concurrencyText)!.Value;
        var thumbprint = string.IsNullOrWhiteSpace(thumbprintText) ? null : Thumbprint.Normalize(thumbprintText);
        var armEndpoint = string.IsNullOrWhiteSpace(armText) ? null : new Uri(armText.Trim());
        var authority = string.IsNullOrWhiteSpace(authorityText) ? null : new Uri(authorityText.Trim());

        var settings = new AzureSourceSettings
        {
            TenantId = tenant,
            Subscriptions = subscriptions,
            Credential = credential,
            ClientId = clientId,
            CertificatePath = certificatePath,
            ArmEndpoint = armEndpoint,
            AuthorityHost = authority,
            Audience = audience,
        };
        var id = await registration.SaveAsync(new AzureSourceRegistrationRequest(name, settings, secretEnv, thumbprint, schedule, concurrency), replace, cancellationToken);
        if (id is null)
        {
            await output.WriteLineAsync(replace
                ? $"Det finns redan en källa \"{name}\" som inte är en Azure-källa; välj ett annat --name."
                : $"Det finns redan en källa \"{name}\"; ange --replace för att ersätta den.");
            return 2;
        }

        await output.WriteLineAsync($"Källa \"{name}\" (Azure) registrerad med id {id}; tenant {tenant}, "
            + (subscriptions.Count == 0 ? "alla prenumerationer som inloggningen ser" : $"{subscriptions.Count} prenumeration(er)")
            + $", inloggning {credential}, schema \"{schedule}\" Europe/Stockholm.");
        if (secretEnv is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(secretEnv)))
        {
            // Only a warning: the variable must exist where the scans run, which may be another machine.
            await output.WriteLineAsync($"Obs: miljövariabeln {secretEnv} är inte satt här; skanningen läser den när den körs.");
        }

        return 0;
    }
}
