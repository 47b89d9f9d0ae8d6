using Dapper;
using Npgsql;

namespace Sourcing.Collector.Auth;

/// <summary>Local accounts (sourcing.app_user). Passwords arrive here already hashed.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    /// <summary>Creates the account, or replaces display name, password and roles of the one with that name (case-insensitive) and unlocks it.</summary>
    public async Task<long> UpsertAsync(string userName, string displayName, string passwordHash, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO sourcing.app_user (user_name, display_name, password_hash, roles)
            VALUES (@userName, @displayName, @passwordHash, @roles)
            ON CONFLICT (lower(user_name)) DO UPDATE
               SET display_name = excluded.display_name, password_hash = excluded.password_hash, roles = excluded.roles,
                   failed_count = 0, lockout_until = NULL, enabled = true, security_stamp = gen_random_uuid()
            RETURNING id
            """,
            new { userName, displayName, passwordHash, roles = roles.ToArray() }, cancellationToken: cancellationToken));
    }

    public async Task<AppUser?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(
            SelectSql + " WHERE lower(user_name) = lower(@userName)", new { userName }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AppUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AppUser>(new CommandDefinition(SelectSql + " ORDER BY lower(user_name)", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Counts one failed sign-in atomically (two parallel guesses both count); at <paramref name="maxFailures"/>
    /// the account is locked until now + <paramref name="lockout"/> and the count starts again.
    /// </summary>
    public async Task<DateTime?> RecordFailureAsync(long id, int maxFailures, TimeSpan lockout, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            """
            UPDATE sourcing.app_user
               SET lockout_until = CASE WHEN failed_count + 1 >= @maxFailures THEN @until ELSE lockout_until END,
                   failed_count = CASE WHEN failed_count + 1 >= @maxFailures THEN 0 ELSE failed_count + 1 END
             WHERE id = @id
            RETURNING lockout_until
            """,
            new { id, maxFailures, until = (now + lockout).UtcDateTime }, cancellationToken: cancellationToken));
    }

    public async Task RecordSuccessAsync(long id, string? newHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sourcing.app_user
               SET failed_count = 0, lockout_until = NULL, last_sign_in_at = @now,
                   password_hash = COALESCE(@newHash, password_hash)
             WHERE id = @id
            """,
            new { id, newHash, now = now.UtcDateTime }, cancellationToken: cancellationToken));
    }

    /// <summary>Creates the account; null when one with that name (any case) exists already. Roles are stored in canonical order.</summary>
    public async Task<long?> TryAddAsync(string userName, string displayName, string passwordHash, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO sourcing.app_user (user_name, display_name, password_hash, roles)
            VALUES (@userName, @displayName, @passwordHash, @roles)
            ON CONFLICT (lower(user_name)) DO NOTHING
            RETURNING id
            """,
            new { userName, displayName, passwordHash, roles = Roles.Canonical(roles) }, cancellationToken: cancellationToken));
    }

    public async Task<AppUser?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(
            SelectSql + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Sets display name and roles; false when there is no such account. Sessions pick the new roles up on their
    /// next request (the web compares them with the row), so the security stamp stays and nobody is signed out.
    /// </summary>
    public async Task<bool> UpdateProfileAsync(long id, string displayName, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sourcing.app_user SET display_name = @displayName, roles = @roles WHERE id = @id",
            new { id, displayName, roles = Roles.Canonical(roles) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Replaces the password (already hashed), unlocks the account and renews the security stamp, which ends its other sessions.</summary>
    public async Task<Guid?> SetPasswordAsync(long id, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            """
            UPDATE sourcing.app_user
               SET password_hash = @passwordHash, failed_count = 0, lockout_until = NULL, security_stamp = gen_random_uuid()
             WHERE id = @id
            RETURNING security_stamp
            """,
            new { id, passwordHash }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends a lockout and forgets earlier failed attempts; false when there is no such account.</summary>
    public async Task<bool> UnlockAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sourcing.app_user SET failed_count = 0, lockout_until = NULL WHERE id = @id",
            new { id }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Turns the account off or on; a change renews the security stamp, so a disabled user's sessions end at once.</summary>
    public async Task<bool> SetEnabledAsync(long id, bool enabled, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sourcing.app_user
               SET enabled = @enabled,
                   security_stamp = CASE WHEN enabled = @enabled THEN security_stamp ELSE gen_random_uuid() END
             WHERE id = @id
            """,
            new { id, enabled }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The state a session is checked against on every request: one lookup by primary key.</summary>
    public async Task<UserSessionState?> SessionStateAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserSessionState>(new CommandDefinition(
            """
            SELECT user_name AS UserName, display_name AS DisplayName, roles, enabled, security_stamp AS SecurityStamp
            FROM sourcing.app_user WHERE id = @id
            """,
            new { id }, cancellationToken: cancellationToken));
    }

    private const string SelectSql =
        """
        SELECT id, user_name AS UserName, display_name AS DisplayName, password_hash AS PasswordHash, roles,
               failed_count AS FailedCount, lockout_until AS LockoutUntil, enabled, created_at AS CreatedAt,
               last_sign_in_at AS LastSignInAt, security_stamp AS SecurityStamp
        FROM sourcing.app_user
        """;
}
