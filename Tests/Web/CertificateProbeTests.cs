using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sourcing.Tests.Simulators.VCenter;
using Sourcing.Tests.Support;
using Sourcing.Web.Sources;

namespace Sourcing.Tests.Web;

/// <summary>The certificate reader is no port scanner: allowed ports only, a bounded rate, one answer for every failure, and a log of who asked.</summary>
public sealed class CertificateProbeTests : IDisposable
{
    private readonly ListLoggerProvider _logs = new();

    public void Dispose() => _logs.Dispose();

    private CertificateProbe Probe(string? ports = null, int? perMinute = null) => new(
        LoggerFactory.Create(b => b.AddProvider(_logs)).CreateLogger<CertificateProbe>(),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sourcing:CertificateProbe:Ports"] = ports,
            ["Sourcing:CertificateProbe:PerUserPerMinute"] = perMinute?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build(),
        TimeProvider.System);

    [Fact]
    public async Task ProbeAsync_PortNotAllowed_RefusesWithoutConnecting()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var result = await Probe().ProbeAsync(new Uri($"https://127.0.0.1:{port}"), "dora", "10.0.0.9", CancellationToken.None);

            Assert.Equal(CertificateProbeError.PortNotAllowed, result.Error);
            Assert.False(listener.Pending());
            Assert.Contains(_logs.Lines, m => m.Contains("dora", StringComparison.Ordinal) && m.Contains("10.0.0.9", StringComparison.Ordinal)
                && m.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task ProbeAsync_ClosedOpenNotTlsAndSilent_GiveTheSameAnswerAfterTheTimeout()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        // A plain TCP service that answers with text, not TLS.
        var plain = new TcpListener(IPAddress.Loopback, 0);
        plain.Start();
        _ = Task.Run(async () =>
        {
            using var socket = await plain.AcceptSocketAsync();
            await socket.SendAsync("SSH-2.0-OpenSSH_9.2\r\n"u8.ToArray());
            await Task.Delay(500);
        });
        try
        {
            var probe = Probe(ports: "*");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var refused = await probe.ProbeAsync(new Uri($"https://127.0.0.1:{closedPort}"), "dora", null, CancellationToken.None);
            var refusedTook = watch.Elapsed;
            watch.Restart();
            var notTls = await probe.ProbeAsync(new Uri($"https://127.0.0.1:{((IPEndPoint)plain.LocalEndpoint).Port}"), "dora", null, CancellationToken.None);
            var notTlsTook = watch.Elapsed;

            Assert.Equal(CertificateProbeError.Unavailable, refused.Error);
            Assert.Equal(CertificateProbeError.Unavailable, notTls.Error);
            Assert.True(refusedTook >= CertificateProbe.Timeout - TimeSpan.FromMilliseconds(100), $"refused answered after {refusedTook}");
            Assert.True(notTlsTook >= CertificateProbe.Timeout - TimeSpan.FromMilliseconds(100), $"not-TLS answered after {notTlsTook}");
        }
        finally
        {
            plain.Stop();
        }
    }

    [Fact]
    public async Task ProbeAsync_MoreThanTheRate_IsRefusedPerUser()
    {
        await using var simulator = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 1 });
        var probe = Probe(ports: "*", perMinute: 3);
        var url = new Uri(simulator.Url);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CertificateProbeError.None, (await probe.ProbeAsync(url, "dora", null, CancellationToken.None)).Error);
        }

        Assert.Equal(CertificateProbeError.TooMany, (await probe.ProbeAsync(url, "dora", null, CancellationToken.None)).Error);
        Assert.Equal(CertificateProbeError.TooMany, (await probe.ProbeAsync(url, "DORA", null, CancellationToken.None)).Error);
        Assert.Equal(CertificateProbeError.None, (await probe.ProbeAsync(url, "anna", null, CancellationToken.None)).Error);
    }

    [Theory]
    [InlineData(null, 443, true)]
    [InlineData(null, 8443, false)]
    [InlineData(null, 22, false)]
    [InlineData("443,9443", 9443, true)]
    [InlineData("*", 22, true)]
    public void PortAllowed_DefaultIs443(string? ports, int port, bool allowed) =>
        Assert.Equal(allowed, Probe(ports).PortAllowed(port));
}
