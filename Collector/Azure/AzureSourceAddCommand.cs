using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Cli;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Azure;

/// <summary>`sourcing source add azure`: registers an Azure tenant (some or all of its subscriptions) for the nightly scan.</summary>
internal sealed class AzureSourceAddCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["source", "add", "azure"];

    public string Usage =>
        "source add azure --name NAME --tenant ID [--subscription ID ...] [--credential secret|certificate|managed-identity|workload-identity] "
        + "[--client-id ID] [--secret-env VAR] [--certificate-path FILE] [--arm-endpoint URL] [--authority URL] [--audience AUD] [--thumbprint SHA256] [--schedule CRON] [--concurrency N] [--replace]";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(["replace"], StringComparer.Ordinal);

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
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
            ? int.TryParse(c, out var n) && n is >= 1 and <= 64 ? n : throw new UsageException("--concurrency must be 1–64.")
            : 8;
        var replace = args.Flag("replace");
        args.EnsureNoUnknownOptions();

        if (!AzureCredentialKinds.All.Contains(credential))
        {
            throw new UsageException($"--credential must be one of {string.Join(", ", AzureCredentialKinds.All)}.");
        }

        if (!Guid.TryParse(tenant, out _) && !tenant.Contains('.', StringComparison.Ordinal))
        {
            throw new UsageException("--tenant must be a tenant id (GUID) or a verified domain.");
        }

        var notGuid = subscriptions.FirstOrDefault(s => !Guid.TryParse(s, out _));
        if (notGuid is not null)
        {
            throw new UsageException($"--subscription '{notGuid}' is not a subscription id (GUID).");
        }

        switch (credential)
        {
            case AzureCredentialKinds.Secret when clientId is null || secretEnv is null:
                throw new UsageException("--credential secret needs --client-id and --secret-env (the variable that holds the client secret).");
            case AzureCredentialKinds.Certificate when clientId is null || certificatePath is null:
                throw new UsageException("--credential certificate needs --client-id and --certificate-path.");
            default:
                break;
        }

        if (secretEnv is not null)
        {
            var policy = services.GetService<SecretResolver>()?.Variables ?? new SecretVariablePolicy(services.GetService<IConfiguration>());
            if (!policy.IsAllowed(secretEnv))
            {
                throw new UsageException("--secret-env: " + policy.Refusal(secretEnv));
            }
        }

        if (thumbprint is not null)
        {
            try
            {
                // Lower-case hex, as SourceStore keeps thumbprints.
                thumbprint = CertificatePin.Normalize(thumbprint).ToLowerInvariant();
            }
            catch (FormatException ex)
            {
                throw new UsageException("--thumbprint: " + ex.Message);
            }
        }

        if (!Scans.CronSchedule.IsValid(schedule))
        {
            throw new UsageException($"--schedule \"{schedule}\" is not a valid cron expression.");
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
        var registration = ActivatorUtilities.CreateInstance<AzureSourceRegistration>(services);
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
            : throw new UsageException($"--{option} must be an absolute https URL.");
    }
}
