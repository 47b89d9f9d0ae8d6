using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Sourcing.Collector.Sources;

/// <summary>
/// Turns a stored source into a <see cref="SourceDefinition"/> with its secret: decrypted from
/// the database (Data Protection), or read from the environment variable the source names, or
/// from configuration key "Sourcing:Secrets:{variable}" (e.g. a secrets file or key vault provider).
/// Only variables the operator allowed (<see cref="SecretVariablePolicy"/>) are ever read: a source that
/// names another one fails its scan without the variable being looked at.
/// </summary>
public sealed class SecretResolver(IDataProtectionProvider protectionProvider, IConfiguration configuration)
{
    private const string Purpose = "Sourcing.SourceSecret.v1";

    /// <summary>The variables a source may name; the web form and the CLI check against it when a source is saved.</summary>
    public SecretVariablePolicy Variables { get; } = new(configuration);

    public string Protect(string plain) => protectionProvider.CreateProtector(Purpose).Protect(plain);

    public SourceDefinition Resolve(SourceRow row)
    {
        Secret? secret = null;
        if (row.SecretProtected is not null)
        {
            secret = new Secret(protectionProvider.CreateProtector(Purpose).Unprotect(row.SecretProtected));
        }
        else if (row.SecretEnv is not null)
        {
            if (!Variables.IsAllowed(row.SecretEnv))
            {
                throw new InvalidOperationException($"Källan \"{row.Name}\": {Variables.Refusal(row.SecretEnv)}");
            }

            var value = Environment.GetEnvironmentVariable(row.SecretEnv) ?? configuration[$"Sourcing:Secrets:{row.SecretEnv}"];
            if (string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException(
                    $"Källan \"{row.Name}\" läser sitt lösenord från miljövariabeln {row.SecretEnv}, men den är inte satt.");
            }

            secret = new Secret(value);
        }

        return new SourceDefinition
        {
            Id = row.Id,
            Name = row.Name,
            Kind = row.Kind,
            Url = row.Url,
            Username = row.Username,
            SecretEnv = row.SecretEnv,
            Secret = secret,
            Thumbprint = row.Thumbprint,
            Insecure = row.Insecure,
            Schedule = row.Schedule,
            TimeZone = row.TimeZone,
            MaxConcurrency = row.MaxConcurrency,
            Settings = JsonNode.Parse(row.SettingsJson) as JsonObject ?? [],
            Enabled = row.Enabled,
        };
    }
}
