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

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var name = args.Required("name").Trim();
        var tenant = args.Required("tenant").Trim();
        var subscriptions = args.Options("subscription").SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var credential = args.Option("credential") ?? AzureCredentialKinds.Secret;
        var clientId = args.Option("client-id");
        var secretEnv = args.Option("secret-env");
        var certificatePath = args.Option("certificate-path");
        var armEndpoint = HttpsUri(args.Option("arm-endpoint"), "arm-endpoint");
        var authority = HttpsUri(args.Option("authority"), "authority");
        var audience = args.Option("audience");
        var thumbprint = args.Option("thumbprint");
        var schedule = args.Option("schedule") ?? "0 2 * * *";
        // Subscriptions read side by side.
        var concurrency = args.Option("concurrency") is { } c
            ? int.TryParse(c, out var n) && n is >= 1 and <= 64 ? n : throw new UsageException("--concurrency måste vara 1–64.")
            : 8;
        var replace = args.Flag("replace");

        if (!AzureCredentialKinds.All.Contains(credential))
        {
            throw new UsageException($"--credential måste vara en av {string.Join(", ", AzureCredentialKinds.All)}.");
        }

        if (!Guid.TryParse(tenant, out _) && !tenant.Contains('.', StringComparison.Ordinal))
        {
            throw new UsageException("--tenant måste vara ett tenant-id (GUID) eller en verifierad domän.");
        }

        var notGuid = subscriptions.FirstOrDefault(s => !Guid.TryParse(s, out _));
        if (notGuid is not null)
        {
            throw new UsageException($"--subscription '{notGuid}' är inte ett prenumerations-id (GUID).");
        }

        switch (credential)
        {
            case AzureCredentialKinds.Secret when clientId is null || secretEnv is null:
                throw new UsageException("--credential secret kräver --client-id och --secret-env (variabeln som håller klienthemligheten).");
            case AzureCredentialKinds.Certificate when clientId is null || certificatePath is null:
                throw new UsageException("--credential certificate kräver --client-id och --certificate-path.");
            default:
                break;
        }

        if (secretEnv is not null)
        {
            var policy = secrets.Variables;
            if (!policy.IsAllowed(secretEnv))
            {
                throw new UsageException("--secret-env: " + policy.Refusal(secretEnv));
            }
        }

        if (thumbprint is not null)
        {
            thumbprint = Thumbprint.Normalize(thumbprint)
                ?? throw new UsageException("--thumbprint måste vara ett SHA-256-tumavtryck (64 hexsiffror; kolon, mellanslag och bindestreck tillåts).");
        }

        if (!Scans.CronSchedule.IsValid(schedule))
        {
            throw new UsageException($"--schedule \"{schedule}\" är inte ett giltigt cron-uttryck.");
        }

        var settings = new AzureSourceSettings
        {
            TenantId = tenant,
            Subscriptions = subscriptions,
            Credential = credential,
            ClientId = clientId,
            CertificatePath = certificatePath is null ? null : System.IO.Path.GetFullPath(certificatePath),
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

    private static Uri? HttpsUri(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new UsageException($"--{option} måste vara en absolut https-adress.");
    }
}
