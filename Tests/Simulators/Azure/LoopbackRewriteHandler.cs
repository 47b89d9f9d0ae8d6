using Azure.Core.Pipeline;

namespace Sourcing.Tests.Simulators.Azure;

/// <summary>
/// Sends the SDK's https://management.azure.com and https://login.microsoftonline.com requests to the
/// plain-HTTP simulator on loopback. Azure.Core refuses bearer tokens over http, so the SDK must keep
/// believing it talks https: the original host and scheme travel in Host and X-Forwarded-Proto, from
/// which the simulator builds its nextLinks.
/// </summary>
public sealed class LoopbackRewriteHandler(Uri simulator) : DelegatingHandler(new SocketsHttpHandler())
{
    public static HttpClientTransport Transport(Uri simulator) =>
        new(new HttpClient(new LoopbackRewriteHandler(simulator)));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        request.Headers.Host = original.Authority;
        request.Headers.Remove("X-Forwarded-Proto");
        request.Headers.Add("X-Forwarded-Proto", original.Scheme);
        request.RequestUri = new UriBuilder(original) { Scheme = simulator.Scheme, Host = simulator.Host, Port = simulator.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
