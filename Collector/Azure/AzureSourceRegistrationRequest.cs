namespace Sourcing.Collector.Azure;

/// <summary>An Azure source as `source add azure` registers it: the secret's variable name, never the secret.</summary>
public sealed record AzureSourceRegistrationRequest(
    string Name,
    AzureSourceSettings Settings,
    string? SecretEnv,
    string? Thumbprint,
    string Schedule,
    int MaxConcurrency);
