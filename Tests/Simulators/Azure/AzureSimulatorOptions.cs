namespace Sourcing.Tests.Simulators.Azure;

/// <summary>What the simulated Azure serves and how it misbehaves.</summary>
public sealed record AzureSimulatorOptions
{
    public int Seed { get; init; } = 1658;

    public int SubscriptionCount { get; init; } = 2;

    /// <summary>Resources over all subscriptions (VMs, their disks and NICs, App Services, SQL, storage, AKS).</summary>
    public int ResourceCount { get; init; } = 300;

    /// <summary>Items per page of every list; the rest follows through nextLink.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Added to every request, as a round trip to Azure would.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Serve HTTPS with a fresh self-signed certificate (see <see cref="AzureSimulator.Thumbprint"/>): the demo route.</summary>
    public bool Https { get; init; }

    /// <summary>A PFX to serve HTTPS with; created there on first start, so the demo's thumbprint pin survives restarts. Null: a fresh one each start.</summary>
    public string? CertificatePath { get; init; }

    public string TenantId { get; init; } = "5e3c1f0a-7b2d-4c8e-9f41-0a6d2b7c9e13";

    public string ClientId { get; init; } = "8f2a6c1e-3d4b-4e5f-a6b7-c8d9e0f1a2b3";

    /// <summary>The only client secret the token endpoint accepts.</summary>
    public string ClientSecret { get; init; } = "sim-secret-Region-2024";

    /// <summary>Zero-based indexes of subscriptions that answer 403 to everything below them.</summary>
    public IReadOnlyList<int> ForbiddenSubscriptions { get; init; } = [];

    /// <summary>Zero-based indexes of subscriptions Resource Graph leaves out of its answers (the lists still serve them).</summary>
    public IReadOnlyList<int> ResourceGraphHiddenSubscriptions { get; init; } = [];

    /// <summary>Resource Graph queries per window per caller (the service's default: 15 per 5 seconds).</summary>
    public int ResourceGraphQuota { get; init; } = 15;

    public TimeSpan ResourceGraphQuotaWindow { get; init; } = TimeSpan.FromSeconds(5);
}
