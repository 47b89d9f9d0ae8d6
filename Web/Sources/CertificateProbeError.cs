namespace Sourcing.Web.Sources;

/// <summary>
/// Why a server's certificate could not be read; each has a Swedish text "SourcesForm.Probe.{value}".
/// Refused, silent and not-TLS are one answer (<see cref="Unavailable"/>), so the reader cannot tell ports apart.
/// </summary>
public enum CertificateProbeError
{
    None,
    NotHttps,
    HostNotFound,
    Unavailable,
    PortNotAllowed,
    TooMany,
}
