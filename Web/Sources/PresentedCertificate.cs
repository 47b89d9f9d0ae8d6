namespace Sourcing.Web.Sources;

/// <summary>
/// The certificate a server presented, read to be compared by a person before its thumbprint is
/// pinned. <see cref="ChainTrusted"/> says whether this machine's CA store would have accepted it.
/// </summary>
public sealed record PresentedCertificate(
    string Thumbprint,
    string Subject,
    string Issuer,
    DateTime NotBeforeUtc,
    DateTime NotAfterUtc,
    bool ChainTrusted,
    bool NameMatches)
{
    /// <summary>"AB:CD:…": how vCenter and browsers show a thumbprint, easier to compare by eye.</summary>
    public string ThumbprintWithColons => string.Join(':', Enumerable.Range(0, Thumbprint.Length / 2).Select(i => Thumbprint.Substring(i * 2, 2)));

    public bool SelfSigned => string.Equals(Subject, Issuer, StringComparison.Ordinal);
}
