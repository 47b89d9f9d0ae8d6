using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Cli;
using Sourcing.Collector.Imports;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Imports;

public sealed class RvToolsImportTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private static readonly string Example = RepoPaths.Fixture("rvtools", "kubev2v-migration-planner", "example1.xlsx");
    private readonly PostgresDatabase _database;
    private readonly string _dir = Directory.CreateTempSubdirectory("rvtools-").FullName;

    public RvToolsImportTests(PostgresDatabase database) => _database = database;

    private RvToolsImport Import => new(_database.DataSource, TimeProvider.System);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_RealExport_CountsAndTotalsMatchTheSheets()
    {
        var export = RvToolsReader.Read(Example, 50L * 1024 * 1024);

        // Worked out independently from the sheets: vInfo has 9 VMs (vm-9 has only its name, so vCPU,
        // vMemory and vDisk supply its figures) and vHost 7 hosts.
        var expected = ExpectedTotals(Example);
        Assert.Equal(9, expected.Vms);
        Assert.Equal(9, export.Vms.Count);
        Assert.Equal(7, export.Hosts.Count);
        Assert.Equal("4.x", export.Format);
        Assert.Equal(expected.Cpu, export.Vms.Sum(v => v.CpuCount ?? 0));
        Assert.Equal(69, expected.Cpu);
        Assert.Equal(expected.MemoryMib, export.Vms.Sum(v => v.MemoryMib ?? 0));
        Assert.Equal(146_713, expected.MemoryMib);
        Assert.Equal(1_474_010m, expected.StorageMib);
        Assert.InRange(export.Vms.Sum(v => v.StorageGib ?? 0) - expected.StorageMib / 1024m, -0.05m, 0.05m);
        var vm3 = export.Vms.Single(v => v.Name == "vm-3");
        Assert.Equal(("Debian GNU/Linux 9 (64-bit)", "linux", "9", "on"), (vm3.GuestOs, vm3.OsFamily, vm3.OsVersion, vm3.PowerState)); // Tools beats the configured OS
        Assert.Equal("500b4793-2a7b-f692-073b-a400ac8fccce", vm3.ExternalId);
        Assert.Equal(32, export.Hosts.Single(h => h.Name == "10.17.135.71").CpuCount);
    }

    [Fact]
    public async Task RunAsync_RealExportTwice_SecondRunChangesNothing_AndRemovedVmIsMarked()
    {
        var first = await Import.RunAsync(Example, "rv-example", dryRun: false, CancellationToken.None);
        Assert.True(first.SourceCreated);
        Assert.Equal(16, first.Plan.Added.Count);

        var second = await Import.RunAsync(Example, "rv-example", dryRun: false, CancellationToken.None);
        Assert.False(second.Plan.HasChanges);
        Assert.Equal(16, second.Plan.Unchanged);

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var (kind, vms, cpu) = await connection.QuerySingleAsync<(string, long, long)>(
            """
            SELECT s.kind, count(*) FILTER (WHERE r.kind = 'vm'), sum(r.cpu_count) FILTER (WHERE r.kind = 'vm')
            FROM sourcing.source s JOIN sourcing.resource r ON r.source_id = s.id WHERE s.name = 'rv-example' GROUP BY s.kind
            """);
        Assert.Equal(("rvtools", 9L, 69L), (kind, vms, cpu));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.scan s JOIN sourcing.source o ON o.id = s.source_id WHERE o.name = 'rv-example'"));

        // A smaller export of the same vCenter: the missing VM is removed, and a dry run said so first.
        var smaller = ThreeX("smaller.xlsx", includeSecond: false);
        await Import.RunAsync(ThreeX("full.xlsx", includeSecond: true), "rv-3x", dryRun: false, CancellationToken.None);
        var dry = await Import.RunAsync(smaller, "rv-3x", dryRun: true, CancellationToken.None);
        Assert.Equal(["name:db02"], dry.Plan.Removed);
        await Import.RunAsync(smaller, "rv-3x", dryRun: false, CancellationToken.None);
        Assert.NotNull(await connection.ExecuteScalarAsync<DateTime?>("SELECT removed_at FROM sourcing.resource WHERE external_id = 'name:db02'"));
    }

    [Fact]
    public void Read_ThreeXExport_WithMbHeaders_Imports()
    {
        var export = RvToolsReader.Read(ThreeX("old.xlsx", includeSecond: true), 1024 * 1024);

        Assert.Equal("3.x", export.Format);
        Assert.Equal(1, export.TemplatesSkipped);
        var app = export.Vms.Single(v => v.Name == "app01");
        Assert.Equal((4, 8192L, 100m, "on", "windows", "2012 R2"), (app.CpuCount!.Value, app.MemoryMib!.Value, app.StorageGib!.Value, app.PowerState, app.OsFamily, app.OsVersion));
        Assert.Equal("name:app01", app.ExternalId);
        var db = export.Vms.Single(v => v.Name == "db02");
        Assert.Equal(250m, db.StorageGib); // no Provisioned MB: the disks from vDisk
        var host = Assert.Single(export.Hosts);
        Assert.Equal((24, 262144L), (host.CpuCount!.Value, host.MemoryMib!.Value));
    }

    [Fact]
    public void Read_BadFiles_ExactMessages()
    {
        var text = Path.Combine(_dir, "export.xlsx");
        File.WriteAllText(text, "VM;CPUs\nvm1;2\n");
        var noInfo = Save("utan-vinfo.xlsx", wb => wb.AddWorksheet("vHost").Cell(1, 1).Value = "Host");
        var noVmColumn = Save("utan-vm.xlsx", wb =>
        {
            var ws = wb.AddWorksheet("vInfo");
            ws.Cell(1, 1).Value = "Name";
            ws.Cell(2, 1).Value = "vm1";
        });
        var badNumber = Save("fel-tal.xlsx", wb =>
        {
            var ws = wb.AddWorksheet("vInfo");
            ws.Cell(1, 1).Value = "VM";
            ws.Cell(1, 2).Value = "CPUs";
            ws.Cell(2, 1).Value = "vm1";
            ws.Cell(2, 2).Value = "två";
        });
        var noVms = Save("inga-vm.xlsx", wb => wb.AddWorksheet("vInfo").Cell(1, 1).Value = "VM");
        var huge = Path.Combine(_dir, "enorm.xlsx");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        string Message(string path) => Assert.Throws<ImportFileException>(() => RvToolsReader.Read(path, 50L * 1024 * 1024)).Message;

        Assert.Equal("Filen \"export.xlsx\" är ingen XLSX-fil (Excel-arbetsbok); spara den som .xlsx och försök igen.", Message(text));
        Assert.Equal("Filen \"utan-vinfo.xlsx\" saknar bladet \"vInfo\"; är det en export från RVTools?", Message(noInfo));
        Assert.Equal("Blad \"vInfo\": kolumnen \"VM\" saknas på första raden.", Message(noVmColumn));
        Assert.Equal("Blad \"vInfo\", rad 2, kolumn \"CPUs\": \"två\" är inte giltigt; förväntat ett tal.", Message(badNumber));
        Assert.Equal("Blad \"vInfo\" i filen \"inga-vm.xlsx\" har inga virtuella maskiner.", Message(noVms));
        Assert.Equal("Filen \"enorm.xlsx\" är 200,0 MB; största tillåtna storlek är 50 MB.", Message(huge));
    }

    [Fact]
    public async Task ImportRvToolsCommand_BadFile_Exit65_AndSourceOfOtherKind_IsUsageError()
    {
        await using var services = CliRunner.Services(_database, s => s.AddSingleton(TimeProvider.System));
        var bad = Path.Combine(_dir, "bad.xlsx");
        await File.WriteAllTextAsync(bad, "not a workbook");

        var (badCode, badOutput, _) = await CliRunner.RunAsync(services, "import", "rvtools", bad);
        Assert.Equal(65, badCode);
        Assert.Equal("", badOutput);

        var (dryCode, output, _) = await CliRunner.RunAsync(services, "import", "rvtools", Example, "--source", "cli-rv", "--dry-run");
        Assert.Equal(0, dryCode);
        Assert.Contains("16 nya, 0 ändrade", output, StringComparison.Ordinal);
        Assert.Contains("Torrkörning: inget har sparats.", output, StringComparison.Ordinal);

        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO sourcing.source (name, kind) VALUES ('vc-prod', 'vsphere')");
        }

        Assert.Equal(CliDispatcher.ExitUsage, (await CliRunner.RunAsync(services, "import", "rvtools", Example, "--source", "vc-prod")).Code);
    }

    private string Save(string name, Action<XLWorkbook> build)
    {
        var path = Path.Combine(_dir, name);
        using var workbook = new XLWorkbook();
        build(workbook);
        workbook.SaveAs(path);
        return path;
    }

    // An RVTools 3.x-style export: MB headers, one "OS" column, no VM ID or UUID, a template row.
    private string ThreeX(string name, bool includeSecond) => Save(name, wb =>
    {
        var info = wb.AddWorksheet("vInfo");
        object?[][] rows =
        [
            ["VM", "Powerstate", "Template", "CPUs", "Memory", "Provisioned MB", "In Use MB", "Host", "Cluster", "Datacenter", "OS"],
            ["app01", "poweredOn", "False", 4, 8192, 102400, 51200, "esx01", "Kluster1", "DC1", "Microsoft Windows Server 2012 R2 (64-bit)"],
            ["mall-win", "poweredOff", "True", 2, 4096, 40960, 0, "esx01", "Kluster1", "DC1", "Microsoft Windows Server 2019 (64-bit)"],
        ];
        if (includeSecond)
        {
            rows = [.. rows, ["db02", "poweredOff", "False", 2, 4096, null, null, "esx01", "Kluster1", "DC1", "Red Hat Enterprise Linux 7 (64-bit)"]];
        }

        Fill(info, rows);
        Fill(wb.AddWorksheet("vDisk"), [["VM", "Disk", "Capacity MB"], ["db02", "Hard disk 1", 102400], ["db02", "Hard disk 2", 153600]]);
        Fill(wb.AddWorksheet("vHost"), [["Host", "Datacenter", "Cluster", "# CPU", "# Cores", "# Memory", "ESX Version"], ["esx01", "DC1", "Kluster1", 2, 24, 262144, "VMware ESXi 6.0.0 build-4192238"]]);
    });

    private static void Fill(IXLWorksheet sheet, object?[][] rows)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is { } value)
                {
                    sheet.Cell(r + 1, c + 1).Value = value;
                }
            }
        }
    }

    // Totals straight from the workbook, with ClosedXML and nothing of the importer.
    private static (int Vms, long Cpu, long MemoryMib, decimal StorageMib) ExpectedTotals(string path)
    {
        using var workbook = new XLWorkbook(path);
        Dictionary<string, Dictionary<string, string>> Sheet(string name, string key)
        {
            var ws = workbook.Worksheet(name);
            var headers = ws.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
            var map = new Dictionary<string, Dictionary<string, string>>();
            foreach (var row in ws.RowsUsed().Skip(1))
            {
                var k = row.Cell(headers[key]).GetString();
                if (k.Length > 0 && !map.ContainsKey(k))
                {
                    map[k] = headers.ToDictionary(h => h.Key, h => row.Cell(h.Value).GetString());
                }
            }

            return map;
        }

        var info = Sheet("vInfo", "VM").Where(v => v.Value["Template"] != "True").ToDictionary();
        var cpu = Sheet("vCPU", "VM");
        var memory = Sheet("vMemory", "VM");
        var disks = workbook.Worksheet("vDisk").RowsUsed().Skip(1)
            .GroupBy(r => r.Cell(1).GetString())
            .ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r.Cell(9).GetString(), System.Globalization.CultureInfo.InvariantCulture)));
        static long Num(string s) => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        long totalCpu = 0, totalMemory = 0;
        decimal totalStorage = 0;
        foreach (var (vm, row) in info)
        {
            totalCpu += row["CPUs"].Length > 0 ? Num(row["CPUs"]) : Num(cpu[vm]["CPUs"]);
            totalMemory += row["Memory"].Length > 0 ? Num(row["Memory"]) : Num(memory[vm]["Size MiB"]);
            totalStorage += row["Provisioned MiB"].Length > 0 ? Num(row["Provisioned MiB"]) : disks[vm];
        }

        return (info.Count, totalCpu, totalMemory, totalStorage);
    }
}
