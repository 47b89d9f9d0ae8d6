using System.Text.Json.Nodes;

namespace Sourcing.Collector.Sources;

/// <summary>A registered source as a collector needs it, with its secret already resolved.</summary>
public sealed record SourceDefinition
{
    public long Id { get; init; }
    public required string Name { get; init; }
    /// <summary>"vsphere", "azure" or "rvtools".</summary>
    public required string Kind { get; init; }
    public string? Url { get; init; }
    public string? Username { get; init; }
    /// <summary>Name of the environment variable that holds the secret, when it is not stored.</summary>
    public string? SecretEnv { get; init; }
    /// <summary>Resolved at scan time from <see cref="SecretEnv"/> or the encrypted column; never stored in plain text.</summary>
    public Secret? Secret { get; init; }
    /// <summary>SHA-256 thumbprint (hex, colons allowed) of the server certificate to pin.</summary>
    public string? Thumbprint { get; init; }
    public bool Insecure { get; init; }
    public string Schedule { get; init; } = "0 2 * * *";
    public string TimeZone { get; init; } = "Europe/Stockholm";
    public int MaxConcurrency { get; init; } = 8;
    public JsonObject Settings { get; init; } = [];
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Set by the scan runner, not stored with the source: the last day whose utilisation already came from the source's
    /// kept statistics. A collector reads statistics only for the days after it, and not at all when that is yesterday.
    /// </summary>
    public DateOnly? StatisticsKnownThrough { get; init; }
}
