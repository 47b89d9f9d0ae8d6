using System.Text.Json.Nodes;

namespace Sourcing.Collector.Azure;

/// <summary>
/// The Azure part of a source, kept in SourceDefinition.Settings (jsonb). The secret itself is
/// never here: it comes from SourceDefinition.Secret at scan time.
/// </summary>
public sealed record AzureSourceSettings
{
    public required string TenantId { get; init; }

    /// <summary>Subscription ids to read; empty means every subscription the credential can see.</summary>
    public IReadOnlyList<string> Subscriptions { get; init; } = [];

    /// <summary>One of <see cref="AzureCredentialKinds"/>.</summary>
    public string Credential { get; init; } = AzureCredentialKinds.Secret;

    /// <summary>App registration (secret, certificate, workload identity) or user-assigned managed identity.</summary>
    public string? ClientId { get; init; }

    public string? CertificatePath { get; init; }

    /// <summary>Resource Manager endpoint for sovereign clouds or Azure Stack Hub; null means public Azure.</summary>
    public Uri? ArmEndpoint { get; init; }

    /// <summary>Microsoft Entra authority host (e.g. https://login.microsoftonline.us, or the AD FS of an Azure Stack Hub).</summary>
    public Uri? AuthorityHost { get; init; }

    /// <summary>Token audience of the ARM endpoint; defaults to the endpoint itself when ArmEndpoint is set.</summary>
    public string? Audience { get; init; }

    public static AzureSourceSettings From(JsonObject settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tenant = Text(settings, "tenantId");
        if (string.IsNullOrWhiteSpace(tenant))
        {
            throw new InvalidOperationException("The Azure source has no tenantId in its settings.");
        }

        var credential = Text(settings, "credential") ?? AzureCredentialKinds.Secret;
        if (!AzureCredentialKinds.All.Contains(credential))
        {
            throw new InvalidOperationException($"Unknown Azure credential kind '{credential}'; use one of {string.Join(", ", AzureCredentialKinds.All)}.");
        }

        var subscriptions = settings["subscriptions"] is JsonArray array
            ? array.Select(n => n?.GetValue<string>()).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList()
            : [];

        return new AzureSourceSettings
        {
            TenantId = tenant.Trim(),
            Subscriptions = subscriptions,
            Credential = credential,
            ClientId = Text(settings, "clientId"),
            CertificatePath = Text(settings, "certificatePath"),
            ArmEndpoint = AbsoluteUri(settings, "armEndpoint"),
            AuthorityHost = AbsoluteUri(settings, "authorityHost"),
            Audience = Text(settings, "audience"),
        };
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["tenantId"] = TenantId,
            ["subscriptions"] = new JsonArray([.. Subscriptions.Select(s => (JsonNode?)JsonValue.Create(s))]),
            ["credential"] = Credential,
        };
        Add(json, "clientId", ClientId);
        Add(json, "certificatePath", CertificatePath);
        Add(json, "armEndpoint", ArmEndpoint?.AbsoluteUri);
        Add(json, "authorityHost", AuthorityHost?.AbsoluteUri);
        Add(json, "audience", Audience);
        return json;
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json[name] = value;
        }
    }

    private static string? Text(JsonObject settings, string name) =>
        settings[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static Uri? AbsoluteUri(JsonObject settings, string name)
    {
        var text = Text(settings, name);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new InvalidOperationException($"The Azure setting {name} must be an absolute https URL.");
    }
}
