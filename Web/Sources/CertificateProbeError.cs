namespace Sourcing.Web.Sources;

/// <summary>Why a server's certificate could not be read; each has a Swedish text "SourcesForm.Probe.{value}".</summary>
public enum CertificateProbeError
{
    None,
    NotHttps,
    HostNotFound,
    Refused,
    Timeout,
    NoCertificate,
    Failed,
}
