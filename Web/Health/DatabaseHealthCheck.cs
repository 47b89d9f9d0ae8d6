using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Sourcing.Web.Health;

/// <summary>Ready when PostgreSQL answers and the schema is migrated.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT max(version) FROM sourcing.schema_version");
            var version = await command.ExecuteScalarAsync(cancellationToken);
            return version is int v ? HealthCheckResult.Healthy($"schema {v}") : HealthCheckResult.Unhealthy("schema not migrated");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
