using System.Globalization;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Sourcing.Collector.Cli;

/// <summary>Prints the current inventory (resources not removed) as a table, CSV or JSON.</summary>
internal sealed class InventoryCommand(NpgsqlDataSource dataSource) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<InventoryCommand>(
        ["inventory"],
        "Skriver ut nuvarande inventering.",
        CliParameter.Value("format", "table|csv|json", "Utdataformat (standard table)."),
        CliParameter.Value("kind", "TYP", "Bara resurser av en typ: vm, host, cloud …"));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var format = args.Option("format") ?? "table";
        var kind = args.Option("kind");
        if (format is not ("table" or "csv" or "json"))
        {
            throw new UsageException("--format måste vara table, csv eller json.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<InventoryRow>(new CommandDefinition(
            """
            SELECT s.name AS Source, r.kind, r.name, r.external_id AS ExternalId, r.datacenter, r.cluster, r.host,
                   r.folder_path AS FolderPath, r.resource_group AS ResourceGroup, r.location, r.power_state AS PowerState,
                   r.guest_os AS GuestOs, r.os_family AS OsFamily, r.cpu_count AS CpuCount, r.memory_mib AS MemoryMib,
                   r.storage_gib AS StorageGib, r.tags::text AS TagsJson
            FROM sourcing.resource r JOIN sourcing.source s ON s.id = r.source_id
            WHERE r.removed_at IS NULL AND (@kind::text IS NULL OR r.kind = @kind)
            ORDER BY s.name, r.kind, r.name
            """, new { kind }, cancellationToken: cancellationToken));

        switch (format)
        {
            case "json":
                await output.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOptions));
                break;
            case "csv":
                await output.WriteLineAsync("source,kind,name,external_id,datacenter,cluster,host,folder_path,resource_group,location,power_state,guest_os,os_family,cpu_count,memory_mib,storage_gib,tags");
                foreach (var r in rows)
                {
                    await output.WriteLineAsync(string.Join(',', new object?[]
                    {
                        r.Source, r.Kind, r.Name, r.ExternalId, r.Datacenter, r.Cluster, r.Host, r.FolderPath, r.ResourceGroup,
                        r.Location, r.PowerState, r.GuestOs, r.OsFamily, r.CpuCount, r.MemoryMib, r.StorageGib, r.TagsJson,
                    }.Select(Csv)));
                }

                break;
            default:
                foreach (var r in rows)
                {
                    await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-16} {1,-6} {2,-32} {3,-10} {4,4} vCPU {5,8} MiB  {6}",
                        r.Source, r.Kind, r.Name, r.PowerState, r.CpuCount, r.MemoryMib, r.GuestOs));
                }

                break;
        }

        return 0;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    internal static string Csv(object? value)
    {
        var text = SpreadsheetCell.Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private sealed record InventoryRow
    {
        public string Source { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Name { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public string? Datacenter { get; init; }
        public string? Cluster { get; init; }
        public string? Host { get; init; }
        public string? FolderPath { get; init; }
        public string? ResourceGroup { get; init; }
        public string? Location { get; init; }
        public string? PowerState { get; init; }
        public string? GuestOs { get; init; }
        public string? OsFamily { get; init; }
        public int? CpuCount { get; init; }
        public long? MemoryMib { get; init; }
        public decimal? StorageGib { get; init; }
        public string TagsJson { get; init; } = "{}";
    }
}
