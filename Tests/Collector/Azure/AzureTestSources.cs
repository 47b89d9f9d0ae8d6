using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sourcing.Collector.Azure;
using Sourcing.Collector.Sources;
using Sourcing.Tests.Simulators.Azure;

namespace Sourcing.Tests.Collector.Azure;

/// <summary>Sources and collectors aimed at the simulated Azure, with retry delays shortened for tests.</summary>
public static class AzureTestSources
{
    public static SourceDefinition Source(AzureSimulator simulator, string? secret = null, IEnumerable<string>? subscriptions = null) => new()
    {
        Id = 7,
        Name = "azure-region",
        Kind = "azure",
        SecretEnv = "AZURE_REGION_SECRET",
        Secret = new Secret(secret ?? simulator.Options.ClientSecret),
        Settings = new JsonObject
        {
            ["tenantId"] = simulator.Options.TenantId,
            ["clientId"] = simulator.Options.ClientId,
            ["credential"] = "secret",
            ["subscriptions"] = new JsonArray([.. (subscriptions ?? []).Select(s => (JsonNode?)JsonValue.Create(s))]),
        },
    };

    /// <summary>
    /// A collector whose transport rewrites the public Azure hosts to the plain-HTTP simulator. The list
    /// path unless <paramref name="resourceGraph"/>: these tests pin the lists' behaviour, ResourceGraphTests the other path.
    /// </summary>
    public static AzureCollector Collector(AzureSimulator simulator, ILoggerProvider? logs = null, bool resourceGraph = false) =>
        Collector(_ => LoopbackRewriteHandler.Transport(simulator.BaseUri), logs, resourceGraph);

    public static AzureCollector Collector(
        Func<SourceDefinition, global::Azure.Core.Pipeline.HttpPipelineTransport>? transport, ILoggerProvider? logs = null, bool resourceGraph = false)
    {
        var factory = LoggerFactory.Create(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        return new AzureCollector(
            Options.Create(new AzureCollectorOptions
            {
                TransportFactory = transport,
                RetryDelay = TimeSpan.FromMilliseconds(10),
                MaxRetryDelay = TimeSpan.FromMilliseconds(100),
                MaxRetries = 4,
                UseResourceGraph = resourceGraph,
            }),
            factory.CreateLogger<AzureCollector>());
    }
}
