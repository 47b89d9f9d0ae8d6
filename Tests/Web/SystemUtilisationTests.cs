using Dapper;

namespace Sourcing.Tests.Web;

/// <summary>The system page shows each VM's p95 CPU and memory use, and says when there are too few days to trust it.</summary>
[Collection("Web")]
public sealed class SystemUtilisationTests(WebAppFixture app)
{
    [Fact]
    public async Task Detail_VmWithFewAndManyDays_ShowsTooLittleDataThenTheP95()
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var vms = (await connection.QueryAsync<long>(
            """
            SELECT r.id FROM sourcing.resource r JOIN sourcing.resource_assignment a ON a.resource_id = r.id
            WHERE a.workload_id = @id AND r.kind = 'vm' AND r.removed_at IS NULL ORDER BY r.name LIMIT 2
            """, new { id = app.SystemId })).ToList();
        Assert.Equal(2, vms.Count);
        // VM 1: 20 days, CPU 10..29 % (p95 28.05 → "28"); VM 2: 5 days.
        await connection.ExecuteAsync(
            """
            DELETE FROM sourcing.vm_utilisation WHERE resource_id = ANY(@ids);
            INSERT INTO sourcing.vm_utilisation (resource_id, day, cpu_percent, memory_percent)
            SELECT @first, current_date - d, 10 + (19 - d), 50 FROM generate_series(0, 19) d;
            INSERT INTO sourcing.vm_utilisation (resource_id, day, cpu_percent, memory_percent)
            SELECT @second, current_date - d, 90, 90 FROM generate_series(0, 4) d;
            """, new { ids = vms.ToArray(), first = vms[0], second = vms[1] });
        using var client = await app.SignedInAsync("drift");

        var html = await client.GetStringAsync($"/Systems/Detail?id={app.SystemId}");

        Assert.Contains("Användning (p95, 30 dagar)", html, StringComparison.Ordinal);
        Assert.Contains("CPU 28 %, minne 50 % (20 dagar)", html, StringComparison.Ordinal);
        Assert.Contains("för lite mätdata (5 av 14 dagar)", html, StringComparison.Ordinal);
    }
}
