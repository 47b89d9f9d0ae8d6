using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sourcing.Collector.VSphere;

/// <summary>SHA-256 thumbprints as admins paste them: any case, with or without colons or spaces.</summary>
public static class CertificateThumbprint
{
    public static string Normalize(string thumbprint)
    {
        ArgumentNullException.ThrowIfNull(thumbprint);
        return new string([.. thumbprint.Where(Uri.IsHexDigit).Select(char.ToUpperInvariant)]);
    }

    /// <summary>Upper-case hex SHA-256 of the DER certificate, the same value `openssl x509 -fingerprint -sha256` shows.</summary>
    public static string Sha256(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public static bool Matches(X509Certificate2 certificate, string pinned)
    {
        var expected = Normalize(pinned);
        var actual = Sha256(certificate);
        return expected.Length == 64
            && CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(actual));
    }
}
