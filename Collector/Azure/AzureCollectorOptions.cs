using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Azure;

/// <summary>How the Azure collector talks to Resource Manager. The defaults suit a real tenant.</summary>
public sealed class AzureCollectorOptions
{
    /// <summary>Retries of throttled (429, Retry-After honoured) and transient (408, 5xx, network) failures.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>First back-off step; doubles each retry (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Replaces the HTTP transport for both Resource Manager and the credential, e.g. to go through a
    /// proxy or to reach a simulated Azure. Null builds the default one, with the source's certificate pin.
    /// </summary>
    public Func<SourceDefinition, HttpPipelineTransport>? TransportFactory { get; set; }

    /// <summary>A last say over the client options (extra policies, diagnostics) after the collector set its own.</summary>
    public Action<ArmClientOptions>? ConfigureClientOptions { get; set; }
}
