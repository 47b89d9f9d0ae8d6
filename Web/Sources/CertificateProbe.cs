using System.Collections.Concurrent;
using System.Globalization;
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
/// <para>
/// It must not be a port scanner for whoever may edit sources: it connects only to the ports the operator
/// allows for vCenters (<c>Sourcing:CertificateProbe:Ports</c>, default 443; <c>*</c> allows any), at most
/// <c>Sourcing:CertificateProbe:PerUserPerMinute</c> times a minute per user (default 6), and every failure
/// (refused, silent, not TLS) gives one answer after the full timeout, so open, closed and filtered ports look alike.
/// Every request is logged with who asked, from where, and what for.
/// </para>
/// </summary>
public sealed class CertificateProbe(ILogger<CertificateProbe> logger, IConfiguration configuration, TimeProvider time)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.OrdinalIgnoreCase);

    private readonly string _ports = configuration["Sourcing:CertificateProbe:Ports"] is { Length: > 0 } ports ? ports : "443";

    private readonly int _perMinute = configuration.GetValue("Sourcing:CertificateProbe:PerUserPerMinute", 6);

    /// <summary>The ports a vCenter may be registered on, for the message when another is asked for.</summary>
    public string AllowedPorts => _ports;

    public bool PortAllowed(int port) =>
        _ports.Trim() == "*"
        || _ports.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var allowed) && allowed == port);

    public async Task<CertificateProbeResult> ProbeAsync(Uri url, string requestedBy, string? fromAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(url.IdnHost))
        {
            return CertificateProbeResult.Failed(CertificateProbeError.NotHttps);
        }

        if (!PortAllowed(url.Port))
        {
            logger.LogWarning("User {User} from {Address} asked for the certificate of {Host}:{Port}; refused (port not allowed for vCenters)",
                requestedBy, fromAddress, url.IdnHost, url.Port);
            return CertificateProbeResult.Failed(CertificateProbeError.PortNotAllowed);
        }

        if (!TryTake(requestedBy))
        {
            logger.LogWarning("User {User} from {Address} asked for the certificate of {Host}:{Port}; refused (more than {Limit} a minute)",
                requestedBy, fromAddress, url.IdnHost, url.Port, _perMinute);
            return CertificateProbeResult.Failed(CertificateProbeError.TooMany);
        }

        logger.LogInformation("User {User} from {Address} reads the certificate of {Host}:{Port}", requestedBy, fromAddress, url.IdnHost, url.Port);
        var started = time.GetTimestamp();
        var result = await ReadAsync(url, cancellationToken);
        if (result.Error is not (CertificateProbeError.None or CertificateProbeError.HostNotFound))
        {
            // One answer for refused, silent and not-TLS, given after the full timeout: the time taken tells nothing either.
            var left = Timeout - time.GetElapsedTime(started);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, time, cancellationToken);
            }

            result = CertificateProbeResult.Failed(CertificateProbeError.Unavailable);
        }

        return result;
    }

    private bool TryTake(string user)
    {
        var now = time.GetUtcNow();
        var queue = _recent.GetOrAdd(user, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= Window)
            {
                queue.Dequeue();
            }

            if (queue.Count >= _perMinute)
            {
                return false;
            }

            queue.Enqueue(now);
            return true;
        }
    }

    private async Task<CertificateProbeResult> ReadAsync(Uri url, CancellationToken cancellationToken)
    {
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
            return CertificateProbeResult.Failed(CertificateProbeError.Unavailable);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
        {
            return CertificateProbeResult.Failed(CertificateProbeError.HostNotFound);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException)
        {
            // The expected end when the certificate was captured (the callback refuses it).
            if (presented is null)
            {
                logger.LogInformation(e, "Reading the certificate of {Host}:{Port} failed", url.IdnHost, url.Port);
                return CertificateProbeResult.Failed(CertificateProbeError.Unavailable);
            }
        }

        return presented is null
            ? CertificateProbeResult.Failed(CertificateProbeError.Unavailable)
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
