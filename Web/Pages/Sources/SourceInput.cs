namespace Sourcing.Web.Pages.Sources;

/// <summary>
/// The "Lägg till / ändra källa" form. Strings throughout so that whatever was typed comes back
/// on an error; the page validates and converts. The secret is never filled in again.
/// </summary>
public sealed class SourceInput
{
    public const string SecretStored = "stored";
    public const string SecretFromEnvironment = "env";

    public string Kind { get; set; } = "vsphere";

    public string? Name { get; set; }

    public string? Url { get; set; }

    public string? UserName { get; set; }

    /// <summary><see cref="SecretStored"/> (encrypted in the database) or <see cref="SecretFromEnvironment"/>.</summary>
    public string SecretMode { get; set; } = SecretStored;

    /// <summary>Password or client secret; empty when editing keeps the one stored.</summary>
    public string? Secret { get; set; }

    public string? SecretEnv { get; set; }

    public string? Thumbprint { get; set; }

    public string? MaxConcurrency { get; set; } = "8";

    public string? Schedule { get; set; } = Sourcing.Web.Sources.SourceSchedule.DefaultCron;

    public string? TimeZone { get; set; } = Sourcing.Web.Sources.SourceSchedule.DefaultTimeZone;

    public bool Enabled { get; set; } = true;

    public string? TenantId { get; set; }

    /// <summary>Subscription ids, one a line (commas work too); empty = all the sign-in can see.</summary>
    public string? Subscriptions { get; set; }

    public string? Credential { get; set; } = Sourcing.Collector.Azure.AzureCredentialKinds.Secret;

    public string? ClientId { get; set; }

    public string? CertificatePath { get; set; }

    public string? ArmEndpoint { get; set; }

    public string? AuthorityHost { get; set; }

    public string? Audience { get; set; }
}
