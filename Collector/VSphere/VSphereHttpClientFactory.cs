using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Flurl.Http.Configuration;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// Flurl 2.x builds its HttpClient through this factory; overriding the handler is the one place
/// to decide which server certificates to trust. A pinned thumbprint is the only thing that counts
/// when set (pin means pin: a CA-valid certificate with another hash is refused, a self-signed one
/// with this hash accepted). Insecure accepts anything; otherwise the normal chain check applies.
/// </summary>
internal sealed class VSphereHttpClientFactory(string? pinnedThumbprint, bool insecure) : DefaultHttpClientFactory
{
    /// <summary>Why the last certificate was refused, for the error message (never secret).</summary>
    public string? LastRejection { get; private set; }

    public override HttpMessageHandler CreateMessageHandler()
    {
        var handler = (HttpClientHandler)base.CreateMessageHandler();
        handler.ServerCertificateCustomValidationCallback = Validate;
        handler.UseCookies = false;
        return handler;
    }

    private bool Validate(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        _ = request;
        _ = chain;
        if (!string.IsNullOrWhiteSpace(pinnedThumbprint))
        {
            if (certificate is not null && CertificateThumbprint.Matches(certificate, pinnedThumbprint))
            {
                return true;
            }

            LastRejection = certificate is null
                ? "the server sent no certificate"
                : $"the server certificate's SHA-256 {CertificateThumbprint.Sha256(certificate)} does not match the pinned thumbprint {Thumbprint.Normalize(pinnedThumbprint) ?? pinnedThumbprint}";
            return false;
        }

        if (insecure || errors == SslPolicyErrors.None)
        {
            return true;
        }

        LastRejection = $"the server certificate is not trusted ({errors})"
            + (certificate is null ? "" : $"; pin its SHA-256 thumbprint {CertificateThumbprint.Sha256(certificate)} if it is the right one");
        return false;
    }
}
