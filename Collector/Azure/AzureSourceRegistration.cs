using Dapper;
using Npgsql;

namespace Sourcing.Collector.Azure;

/// <summary>
/// Writes an Azure source into sourcing.source. Only the name of the environment variable that
/// holds the secret is stored, never the secret.
/// </summary>
public sealed class AzureSourceRegistration(NpgsqlDataSource dataSource)
{
    private const string UpsertSql = """
        INSERT INTO sourcing.source (name, kind, url, secret_env, thumbprint, schedule, settings)
        VALUES (@Name, 'azure', @Url, @SecretEnv, @Thumbprint, @Schedule, CAST(@Settings AS jsonb))
        ON CONFLICT (name) DO UPDATE SET
            url = EXCLUDED.url,
            secret_env = EXCLUDED.secret_env,
            thumbprint = EXCLUDED.thumbprint,
            schedule = EXCLUDED.schedule,
            settings = EXCLUDED.settings
        WHERE sourcing.source.kind = 'azure'
        RETURNING id
        """;

    /// <summary>Adds the source, or updates the Azure source of that name; null when the name belongs to a source of another kind.</summary>
    public async Task<long?> SaveAsync(string name, AzureSourceSettings settings, string? secretEnv, string? thumbprint, string schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(UpsertSql, new
        {
            Name = name,
            // The ARM endpoint doubles as the source's URL so lists of sources show where it points.
            Url = settings.ArmEndpoint?.AbsoluteUri ?? "https://management.azure.com/",
            SecretEnv = secretEnv,
            Thumbprint = thumbprint,
            Schedule = schedule,
            Settings = settings.ToJson().ToJsonString(),
        }, cancellationToken: cancellationToken));
    }
}
