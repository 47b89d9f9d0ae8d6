namespace Sourcing.Collector.Azure;

/// <summary>How an Azure source signs in; the values stored in the source's settings.</summary>
public static class AzureCredentialKinds
{
    /// <summary>App registration with a client secret (SourceDefinition.Secret).</summary>
    public const string Secret = "secret";

    /// <summary>App registration with a client certificate file (PEM or PFX; a PFX password comes from SourceDefinition.Secret).</summary>
    public const string Certificate = "certificate";

    /// <summary>The managed identity of the machine that runs the collector (system-assigned, or user-assigned with a client id).</summary>
    public const string ManagedIdentity = "managed-identity";

    /// <summary>Kubernetes workload identity federation (AZURE_FEDERATED_TOKEN_FILE).</summary>
    public const string WorkloadIdentity = "workload-identity";

    public static IReadOnlyList<string> All { get; } = [Secret, Certificate, ManagedIdentity, WorkloadIdentity];
}
