using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Sourcing.Collector.Sources;

namespace Sourcing.Collector.VSphere;

/// <summary>How the vSphere client shows and checks a server certificate against a pin (the pin's rules are <see cref="Thumbprint"/>'s).</summary>
public static class CertificateThumbprint
{
    /// <summary>Upper-case hex SHA-256 of the DER certificate, the same value `openssl x509 -fingerprint -sha256` shows.</summary>
    public static string Sha256(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    /// <summary>The one rule of <see cref="Thumbprint"/>: valid pin, same certificate.</summary>
    public static bool Matches(X509Certificate2 certificate, string pinned) => Thumbprint.Matches(certificate, pinned);
}
