using Azure.Core.Pipeline;

namespace Sourcing.Collector.Azure;

/// <summary>The HTTP transport for one Azure source: shared by Resource Manager and the credential, so a pin covers both.</summary>
internal static class AzureTransport
{
    public static HttpClientTransport Create(string? thumbprint)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            handler.SslOptions.RemoteCertificateValidationCallback = CertificatePin.Validator(thumbprint);
        }

        return new HttpClientTransport(new HttpClient(handler, disposeHandler: true));
    }
}
