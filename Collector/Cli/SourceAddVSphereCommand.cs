using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Cli;

internal sealed class SourceAddVSphereCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["source", "add", "vsphere"];

    public string Usage =>
        "source add vsphere --name NAME --url URL --user USER --password-env VAR [--store-password] [--thumbprint SHA256] [--insecure] [--schedule CRON] [--concurrency N] [--replace]";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(["insecure", "store-password", "replace"], StringComparer.Ordinal);

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
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
            ? int.TryParse(c, out var n) && n is >= 1 and <= 64 ? n : throw new UsageException("--concurrency must be 1–64.")
            : 8;
        var replace = args.Flag("replace");
        args.EnsureNoUnknownOptions();

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new UsageException("--url must be an https:// address.");
        }

        if (thumbprint is not null && SourceStore.NormalizeThumbprint(thumbprint)!.Length != 64)
        {
            throw new UsageException("--thumbprint must be a SHA-256 thumbprint (64 hex digits).");
        }

        if (!Scans.CronSchedule.IsValid(schedule))
        {
            throw new UsageException($"--schedule \"{schedule}\" is not a valid cron expression.");
        }

        if (!storePassword)
        {
            // Read at scan time by the web's workers too: only a variable the operator set aside for sources.
            var policy = services.GetService<SecretResolver>()?.Variables ?? new SecretVariablePolicy(services.GetService<IConfiguration>());
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
                throw new UsageException($"--store-password: environment variable {passwordEnv} is not set.");
            }

            protectedSecret = services.GetRequiredService<SecretResolver>().Protect(value);
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
        var store = services.GetRequiredService<SourceStore>();
        var id = replace ? await store.UpsertAsync(source, cancellationToken) : await store.AddAsync(source, cancellationToken);
        await output.WriteLineAsync($"Källa \"{name}\" (vSphere) registrerad med id {id}; schema \"{schedule}\" Europe/Stockholm.");
        if (insecure)
        {
            await Console.Error.WriteLineAsync("Varning: --insecure stänger av certifikatkontrollen. Använd hellre --thumbprint.");
        }

        return 0;
    }
}
