namespace Sourcing.Web.Sources;

/// <summary>The certificate, or why it could not be read.</summary>
public sealed record CertificateProbeResult(PresentedCertificate? Certificate, CertificateProbeError Error)
{
    public static CertificateProbeResult Failed(CertificateProbeError error) => new(null, error);
}
