using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Azure;

/// <summary>
/// Registers an Azure source (`sourcing source add azure`) through <see cref="SourceStore"/>, the
/// one place that writes vCenter and Azure rows of sourcing.source. Only the name of the environment variable that holds the
/// secret is stored, never the secret.
/// </summary>
public sealed class AzureSourceRegistration(SourceStore sources)
{
    /// <summary>
    /// Adds the source; with <paramref name="replace"/> updates the Azure source of that name instead.
    /// Null when the name is taken (without replace), or taken by a source of another kind.
    /// </summary>
    public async Task<long?> SaveAsync(AzureSourceRegistrationRequest request, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = new NewSource
        {
            Name = request.Name,
            Kind = "azure",
            // The ARM endpoint doubles as the source's URL so lists of sources show where it points.
            Url = request.Settings.ArmEndpoint?.AbsoluteUri ?? "https://management.azure.com/",
            SecretEnv = request.SecretEnv,
            Thumbprint = request.Thumbprint,
            Schedule = request.Schedule,
            MaxConcurrency = request.MaxConcurrency,
            Settings = request.Settings.ToJson(),
        };
        if (await sources.TryAddAsync(source, enabled: true, cancellationToken) is { } id)
        {
            return id;
        }

        var existing = replace ? await sources.FindAsync(request.Name, cancellationToken) : null;
        if (existing is not { Kind: "azure" })
        {
            return null;
        }

        // Replacing keeps what the command has no option for (on/off, time zone, the certificate-check
        // switch) and, as before, drops any stored encrypted secret: the command names a variable instead.
        var change = new SourceChange
        {
            Source = source with { TimeZone = existing.TimeZone, Insecure = existing.Insecure },
            KeepSecret = false,
            Enabled = existing.Enabled,
        };
        return await sources.TryUpdateAsync(existing.Id, change, cancellationToken) ? existing.Id : null;
    }
}
