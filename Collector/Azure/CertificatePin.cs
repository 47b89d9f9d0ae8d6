using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sourcing.Collector.Azure;

/// <summary>
/// A SHA-256 certificate pin for endpoints with their own CA (Azure Stack Hub, a lab). With a pin
/// the server certificate is accepted when, and only when, its SHA-256 matches; without one the
/// normal chain and name validation applies.
/// </summary>
public static class CertificatePin
{
    /// <summary>Uppercase hex without separators; throws on anything that is not 32 bytes of hex.</summary>
    public static string Normalize(string thumbprint)
    {
        ArgumentNullException.ThrowIfNull(thumbprint);
        return Sources.Thumbprint.Normalize(thumbprint)?.ToUpperInvariant()
            ?? throw new FormatException("The thumbprint must be a SHA-256 hash: 64 hex digits, colons allowed.");
    }

    public static string Sha256(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
    }

    /// <summary>A validation callback for <see cref="SslClientAuthenticationOptions"/> that accepts the pinned certificate only.</summary>
    public static RemoteCertificateValidationCallback Validator(string thumbprint)
    {
        var pin = Normalize(thumbprint);
        return (_, certificate, _, _) => certificate is not null && string.Equals(Sha256(certificate), pin, StringComparison.Ordinal);
    }
}
