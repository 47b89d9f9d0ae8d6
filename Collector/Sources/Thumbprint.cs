using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Sourcing.Collector.Sources;

/// <summary>
/// SHA-256 certificate thumbprints as admins paste them ("AB:CD:…", "ab cd …", "ab-cd-…"): the one
/// rule for vSphere and Azure sources, the CLI, the Källor page and the store.
/// </summary>
public static class Thumbprint
{
    /// <summary>Lower-case hex without separators, as sources store pins; null when blank or not 64 hex digits once colons, spaces and dashes are removed.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var hex = new string([.. value.Where(c => c is not (':' or ' ' or '-'))]);
        return hex.Length == 64 && hex.All(Uri.IsHexDigit) ? hex.ToLowerInvariant() : null;
    }

    /// <summary>The certificate's SHA-256 in the same form (the value `openssl x509 -fingerprint -sha256` shows, lower-case, without colons).</summary>
    public static string Of(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData()));
    }

    /// <summary>True when <paramref name="pinned"/> is a valid thumbprint of exactly this certificate (compared in constant time).</summary>
    public static bool Matches(X509Certificate certificate, string? pinned) =>
        Normalize(pinned) is { } expected
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Of(certificate)));
}
