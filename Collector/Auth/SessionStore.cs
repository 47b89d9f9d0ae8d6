using Dapper;
using Npgsql;

namespace Sourcing.Collector.Auth;

/// <summary>
/// Browser sessions (sourcing.app_session): created at sign-in, ended at sign-out, checked on every request.
/// A cookie outlives nothing its row does not: a copied cookie stops working when its user signs out.
/// </summary>
public sealed class SessionStore(NpgsqlDataSource dataSource)
{
    /// <summary>Ended sessions and sessions older than this are deleted when someone signs in (the cookie lives 8 h by default).</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(30);

    public async Task<Guid> StartAsync(long? userId, string userName, string authMethod, string? address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sourcing.app_session WHERE created_at < @before",
            new { before = (now - KeepFor).UtcDateTime }, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
            """
            INSERT INTO sourcing.app_session (user_id, user_name, auth_method, address, created_at)
            VALUES (@userId, @userName, @authMethod, @address, @now) RETURNING id
            """,
            new { userId, userName, authMethod, address, now = now.UtcDateTime }, cancellationToken: cancellationToken));
    }

    public async Task<bool> IsActiveAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM sourcing.app_session WHERE id = @id AND ended_at IS NULL)",
            new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends the session; true when it was active.</summary>
    public async Task<bool> EndAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sourcing.app_session SET ended_at = @now WHERE id = @id AND ended_at IS NULL",
            new { id, now = now.UtcDateTime }, cancellationToken: cancellationToken)) == 1;
    }
}
