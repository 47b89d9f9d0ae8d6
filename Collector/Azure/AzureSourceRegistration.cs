using Dapper;
using Npgsql;

namespace Sourcing.Collector.Azure;

/// <summary>
/// Writes an Azure source into sourcing.source. Only the name of the environment variable that
/// holds the secret is stored, never the secret.
/// </summary>
public sealed class AzureSourceRegistration(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO sourcing.source (name, kind, url, secret_env, thumbprint, schedule, max_concurrency, settings)
        VALUES (@Name, 'azure', @Url, @SecretEnv, @Thumbprint, @Schedule, @MaxConcurrency, CAST(@Settings AS jsonb))
        ON CONFLICT (name) DO NOTHING
        RETURNING id
        """;

    private const string UpsertSql = """
        INSERT INTO sourcing.source (name, kind, url, secret_env, thumbprint, schedule, max_concurrency, settings)
        VALUES (@Name, 'azure', @Url, @SecretEnv, @Thumbprint, @Schedule, @MaxConcurrency, CAST(@Settings AS jsonb))
        ON CONFLICT (name) DO UPDATE SET
            url = EXCLUDED.url,
            secret_env = EXCLUDED.secret_env,
            secret_protected = NULL,
            thumbprint = EXCLUDED.thumbprint,
            schedule = EXCLUDED.schedule,
            max_concurrency = EXCLUDED.max_concurrency,
            settings = EXCLUDED.settings
        WHERE sourcing.source.kind = 'azure'
        RETURNING id
        """;

    /// <summary>
    /// Adds the source; with <paramref name="replace"/> updates the Azure source of that name instead.
    /// Null when the name is taken (without replace), or taken by a source of another kind.
    /// </summary>
    public async Task<long?> SaveAsync(AzureSourceRegistrationRequest request, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(replace ? UpsertSql : InsertSql, new
        {
            request.Name,
            // The ARM endpoint doubles as the source's URL so lists of sources show where it points.
            Url = request.Settings.ArmEndpoint?.AbsoluteUri ?? "https://management.azure.com/",
            request.SecretEnv,
            request.Thumbprint,
            request.Schedule,
            request.MaxConcurrency,
            Settings = request.Settings.ToJson().ToJsonString(),
        }, cancellationToken: cancellationToken));
    }
}
