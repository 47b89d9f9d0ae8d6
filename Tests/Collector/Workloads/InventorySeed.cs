using Dapper;
using Npgsql;

namespace Sourcing.Tests.Collector.Workloads;

/// <summary>Writes sources and resources straight into the inventory tables, as a scan would leave them.</summary>
internal static class InventorySeed
{
    public static async Task<long> SourceAsync(NpgsqlDataSource db, string name, string kind)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO sourcing.source (name, kind) VALUES (@name, @kind) RETURNING id", new { name, kind });
    }

    public static async Task<long> ResourceAsync(
        NpgsqlDataSource db, long sourceId, string name, string tagsJson = "{}", string kind = "vm", int cpu = 2, decimal storage = 100,
        string? guestOs = null, DateTimeOffset? firstSeen = null, DateTimeOffset? removed = null, string? resourceGroup = null)
    {
        await using var connection = await db.OpenConnectionAsync();
        var seen = firstSeen ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO sourcing.resource (source_id, external_id, kind, name, cpu_count, memory_mib, storage_gib, guest_os, tags,
                resource_group, content_hash, first_seen_at, last_seen_at, removed_at)
            VALUES (@sourceId, @name, @kind, @name, @cpu, 4096, @storage, @guestOs, @tagsJson::jsonb, @resourceGroup, 'x', @seen, @seen, @removed)
            RETURNING id
            """, new { sourceId, name, kind, cpu, storage, guestOs, tagsJson, resourceGroup, seen, removed });
    }
}
