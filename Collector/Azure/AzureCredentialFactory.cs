using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Azure;

/// <summary>Builds the Azure.Identity credential a source's settings ask for.</summary>
public static class AzureCredentialFactory
{
    /// <param name="source">The source, for its name and secret.</param>
    /// <param name="settings">The source's Azure settings.</param>
    /// <param name="transport">Shared with Resource Manager so a certificate pin covers sign-in too; null for the default.</param>
    /// <param name="retry">Retries of the token endpoint; null keeps 3 retries with Azure.Identity's back-off.</param>
    public static TokenCredential Create(SourceDefinition source, AzureSourceSettings settings, HttpPipelineTransport? transport = null, Action<RetryOptions>? retry = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Credential switch
        {
            AzureCredentialKinds.Secret => new ClientSecretCredential(
                settings.TenantId,
                Require(settings.ClientId, "a client id"),
                (source.Secret ?? throw new InvalidOperationException($"The Azure source '{source.Name}' has no client secret (set the variable named in secret_env).")).Reveal(),
                Configure(new ClientSecretCredentialOptions(), settings, transport, retry, o => o.DisableInstanceDiscovery = settings.AuthorityHost is not null)),
            AzureCredentialKinds.Certificate => CertificateCredential(source, settings, transport, retry),
            AzureCredentialKinds.ManagedIdentity => new ManagedIdentityCredential(
                Configure(
                    new ManagedIdentityCredentialOptions(settings.ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(settings.ClientId)),
                    settings, transport, retry, _ => { })),
            AzureCredentialKinds.WorkloadIdentity => new WorkloadIdentityCredential(
                Configure(new WorkloadIdentityCredentialOptions(), settings, transport, retry, o =>
                {
                    o.TenantId = settings.TenantId;
                    // Null leaves the AZURE_CLIENT_ID that the workload identity webhook injects.
                    if (settings.ClientId is not null)
                    {
                        o.ClientId = settings.ClientId;
                    }

                    o.DisableInstanceDiscovery = settings.AuthorityHost is not null;
                })),
            _ => throw new InvalidOperationException($"Unknown Azure credential kind '{settings.Credential}'."),
        };
    }

    private static ClientCertificateCredential CertificateCredential(SourceDefinition source, AzureSourceSettings settings, HttpPipelineTransport? transport, Action<RetryOptions>? retry)
    {
        var path = Require(settings.CertificatePath, "a certificate path");
        var options = Configure(new ClientCertificateCredentialOptions(), settings, transport, retry, o => o.DisableInstanceDiscovery = settings.AuthorityHost is not null);
        var clientId = Require(settings.ClientId, "a client id");
        if (source.Secret is null || !path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return new ClientCertificateCredential(settings.TenantId, clientId, path, options);
        }

        // A password-protected PFX: the source's secret is its password.
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, source.Secret.Reveal());
        return new ClientCertificateCredential(settings.TenantId, clientId, certificate, options);
    }

    private static T Configure<T>(T options, AzureSourceSettings settings, HttpPipelineTransport? transport, Action<RetryOptions>? retry, Action<T> specific)
        where T : TokenCredentialOptions
    {
        if (settings.AuthorityHost is not null)
        {
            options.AuthorityHost = settings.AuthorityHost;
        }

        if (transport is not null)
        {
            options.Transport = transport;
        }

        options.Retry.MaxRetries = 3;
        retry?.Invoke(options.Retry);
        specific(options);
        return options;
    }

    private static string Require(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"The Azure source needs {what} for this credential kind.") : value;
}
