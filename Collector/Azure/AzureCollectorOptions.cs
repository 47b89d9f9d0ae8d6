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
    /// Read the estate through one Azure Resource Graph query across all subscriptions (a few calls per
    /// 1,000 resources) instead of five Resource Manager lists per subscription. A subscription Resource
    /// Graph cannot read is still read through the lists.
    /// </summary>
    public bool UseResourceGraph { get; set; } = true;

    /// <summary>Rows per Resource Graph page ($top; the service allows 1,000 at most).</summary>
    public int ResourceGraphPageSize { get; set; } = 1000;

    /// <summary>
    /// Replaces the HTTP transport for both Resource Manager and the credential, e.g. to go through a
    /// proxy or to reach a simulated Azure. Null builds the default one, with the source's certificate pin.
    /// </summary>
    public Func<SourceDefinition, HttpPipelineTransport>? TransportFactory { get; set; }

    /// <summary>A last say over the client options (extra policies, diagnostics) after the collector set its own.</summary>
    public Action<ArmClientOptions>? ConfigureClientOptions { get; set; }
}
