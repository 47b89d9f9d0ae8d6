using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Sourcing.Collector.Azure;

namespace Sourcing.Web.Sources;

/// <summary>
/// Reads the certificate an https server presents, for trust on first use: a person compares the
/// thumbprint with the one the vCenter shows and confirms it into the source's pin. The
/// certificate is captured in the validation callback and then refused, so the handshake never
/// completes and nothing is sent to the server: it is read, never trusted.
/// </summary>
public sealed class CertificateProbe(ILogger<CertificateProbe> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<CertificateProbeResult> ProbeAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(url.IdnHost))
        {
            return CertificateProbeResult.Failed(CertificateProbeError.NotHttps);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        PresentedCertificate? presented = null;
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(url.IdnHost, url.Port, timeout.Token);
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = url.IdnHost,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is not null)
                    {
                        presented = Read(certificate, errors);
                    }

                    // Refused on purpose: this connection only reads the certificate.
                    return false;
                },
            };
            await tls.AuthenticateAsClientAsync(options, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CertificateProbeResult.Failed(CertificateProbeError.Timeout);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
        {
            return CertificateProbeResult.Failed(CertificateProbeError.HostNotFound);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused)
        {
            return CertificateProbeResult.Failed(CertificateProbeError.Refused);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException)
        {
            // The expected end when the certificate was captured (the callback refuses it).
            if (presented is null)
            {
                logger.LogInformation(e, "Reading the certificate of {Host}:{Port} failed", url.IdnHost, url.Port);
                return CertificateProbeResult.Failed(e is SocketException ? CertificateProbeError.Failed : CertificateProbeError.NoCertificate);
            }
        }

        return presented is null
            ? CertificateProbeResult.Failed(CertificateProbeError.NoCertificate)
            : new CertificateProbeResult(presented, CertificateProbeError.None);
    }

    private static PresentedCertificate Read(X509Certificate certificate, SslPolicyErrors errors)
    {
        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return new PresentedCertificate(
            CertificatePin.Sha256(copy),
            copy.Subject,
            copy.Issuer,
            copy.NotBefore.ToUniversalTime(),
            copy.NotAfter.ToUniversalTime(),
            ChainTrusted: (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0,
            NameMatches: (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0);
    }
}
