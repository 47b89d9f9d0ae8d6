using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace Sourcing.Collector.Sources;

/// <summary>Registered sources (sourcing.source). Secrets are never read or written here in plain text.</summary>
public sealed class SourceStore(NpgsqlDataSource dataSource)
{
    public async Task<long> AddAsync(NewSource source, CancellationToken cancellationToken) =>
        await TryAddAsync(source, enabled: true, cancellationToken)
        ?? throw new InvalidOperationException($"Det finns redan en källa som heter \"{source.Name}\".");

    /// <summary>Adds the source, or updates it in place when one of that name exists (used by the demo, which may run twice).</summary>
    public async Task<long> UpsertAsync(NewSource source, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(source.Name, cancellationToken);
        if (existing is null)
        {
            return await AddAsync(source, cancellationToken);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sourcing.source SET kind = @Kind, url = @Url, username = @Username, secret_env = @SecretEnv,
                   secret_protected = @SecretProtected, thumbprint = @Thumbprint, insecure = @Insecure,
                   schedule = @Schedule, time_zone = @TimeZone, max_concurrency = @MaxConcurrency,
                   settings = @Settings::jsonb
            WHERE id = @Id
            """,
            Parameters(source, existing.Id),
            cancellationToken: cancellationToken));
        return existing.Id;
    }

    /// <summary>Adds a source (the web form); null when the name is already taken, so the page can say so.</summary>
    public async Task<long?> TryAddAsync(NewSource source, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parameters = new DynamicParameters(Parameters(source, id: null));
        parameters.Add("Enabled", enabled);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            INSERT INTO sourcing.source (name, kind, url, username, secret_env, secret_protected, thumbprint,
                                         insecure, schedule, time_zone, max_concurrency, settings, enabled)
            VALUES (@Name, @Kind, @Url, @Username, @SecretEnv, @SecretProtected, @Thumbprint,
                    @Insecure, @Schedule, @TimeZone, @MaxConcurrency, @Settings::jsonb, @Enabled)
            ON CONFLICT (name) DO NOTHING
            RETURNING id
            """,
            parameters,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Changes a source in place; its kind is never changed (resources and scans stay attached).
    /// False when the new name belongs to another source. A stored secret is kept only while the URL,
    /// user, tenant, client and authority stay as they were: it was given for that address and account,
    /// and an edit must never send it to another host.
    /// </summary>
    public async Task<bool> TryUpdateAsync(long id, SourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var parameters = new DynamicParameters(Parameters(change.Source, id));
        parameters.Add("KeepSecret", change.KeepSecret);
        parameters.Add("Enabled", change.Enabled);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE sourcing.source SET name = @Name, url = @Url, username = @Username, secret_env = @SecretEnv,
                       secret_protected = CASE
                           WHEN @SecretProtected::text IS NOT NULL THEN @SecretProtected::text
                           WHEN @KeepSecret AND @SecretEnv::text IS NULL
                                AND url IS NOT DISTINCT FROM @Url::text AND username IS NOT DISTINCT FROM @Username::text
                                AND settings->>'tenantId' IS NOT DISTINCT FROM (@Settings::jsonb)->>'tenantId'
                                AND settings->>'clientId' IS NOT DISTINCT FROM (@Settings::jsonb)->>'clientId'
                                AND settings->>'authorityHost' IS NOT DISTINCT FROM (@Settings::jsonb)->>'authorityHost'
                           THEN secret_protected
                       END,
                       thumbprint = @Thumbprint, insecure = @Insecure, schedule = @Schedule, time_zone = @TimeZone,
                       max_concurrency = @MaxConcurrency, settings = @Settings::jsonb, enabled = @Enabled
                WHERE id = @Id
                """,
                parameters,
                cancellationToken: cancellationToken));
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>Turns a source's scans on or off. Sources are never deleted: their scans and resource history stay.</summary>
    public async Task<bool> SetEnabledAsync(long id, bool enabled, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sourcing.source SET enabled = @enabled WHERE id = @id", new { id, enabled }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<SourceRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceRow>(new CommandDefinition(
            SelectSql + " ORDER BY name", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<SourceRow?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SourceRow>(new CommandDefinition(
            SelectSql + " WHERE name = @name", new { name }, cancellationToken: cancellationToken));
    }

    public async Task<SourceRow?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SourceRow>(new CommandDefinition(
            SelectSql + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    private static object Parameters(NewSource source, long? id) => new
    {
        Id = id,
        source.Name,
        source.Kind,
        source.Url,
        source.Username,
        source.SecretEnv,
        source.SecretProtected,
        Thumbprint = Sourcing.Collector.Sources.Thumbprint.Normalize(source.Thumbprint),
        source.Insecure,
        source.Schedule,
        source.TimeZone,
        source.MaxConcurrency,
        Settings = source.Settings.ToJsonString(),
    };

    private const string SelectSql =
        """
        SELECT id, name, kind, url, username, secret_env AS SecretEnv, secret_protected AS SecretProtected,
               thumbprint, insecure, schedule, time_zone AS TimeZone, max_concurrency AS MaxConcurrency,
               settings::text AS SettingsJson, enabled, created_at AS CreatedAt
        FROM sourcing.source
        """;
}

/// <summary>A source to register. <see cref="SecretProtected"/> is already encrypted (or null).</summary>
public sealed record NewSource
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public string? Url { get; init; }
    public string? Username { get; init; }
    public string? SecretEnv { get; init; }
    public string? SecretProtected { get; init; }
    public string? Thumbprint { get; init; }
    public bool Insecure { get; init; }
    public string Schedule { get; init; } = "0 2 * * *";
    public string TimeZone { get; init; } = "Europe/Stockholm";
    public int MaxConcurrency { get; init; } = 8;
    public JsonObject Settings { get; init; } = [];
}

/// <summary>A row of sourcing.source as stored (secret still encrypted).</summary>
public sealed record SourceRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? Url { get; init; }
    public string? Username { get; init; }
    public string? SecretEnv { get; init; }
    public string? SecretProtected { get; init; }
    public string? Thumbprint { get; init; }
    public bool Insecure { get; init; }
    public string Schedule { get; init; } = "";
    public string TimeZone { get; init; } = "";
    public int MaxConcurrency { get; init; }
    public string SettingsJson { get; init; } = "{}";
    public bool Enabled { get; init; }
    public DateTime CreatedAt { get; init; }
}
