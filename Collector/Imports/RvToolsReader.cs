using System.Globalization;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Sourcing.Analyzer.Lifecycle;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.Imports;

/// <summary>
/// Reads an RVTools export (vInfo, vHost, vCPU, vMemory, vDisk) into resource records. Columns are
/// found by header, never by position. RVTools 4.x writes MiB ("Provisioned MiB"), 3.x wrote MB
/// ("Provisioned MB") for the same binary megabytes, so both read as MiB. vInfo is the truth for
/// each VM; vCPU, vMemory and vDisk fill in what a vInfo row leaves blank. Templates are skipped.
/// </summary>
internal static class RvToolsReader
{
    public static RvToolsExport Read(string path, long maxBytes)
    {
        ImportFiles.CheckSize(path, maxBytes);
        var fileName = Path.GetFileName(path);
        using var workbook = ImportFiles.OpenWorkbook(path, ImportLimits.RvTools);
        var info = Sheet.Open(workbook, "vInfo") ?? throw new ImportFileException($"Filen \"{fileName}\" saknar bladet \"vInfo\"; är det en export från RVTools?");
        var errors = new List<string>();
        var vmColumn = info.Column("VM");
        if (vmColumn is null)
        {
            throw new ImportFileException($"Blad \"vInfo\": kolumnen \"VM\" saknas på första raden.");
        }

        var is4 = info.Headers.Any(h => h.EndsWith(" MiB", StringComparison.OrdinalIgnoreCase));
        var cpuSheet = Lookup(Sheet.Open(workbook, "vCPU"), "CPUs", errors, sum: false);
        var memorySheet = Lookup(Sheet.Open(workbook, "vMemory"), "Size MiB|Size MB", errors, sum: false);
        var diskSheet = Lookup(Sheet.Open(workbook, "vDisk"), "Capacity MiB|Capacity MB", errors, sum: true);

        var records = new List<ResourceRecord>();
        var templates = 0;
        foreach (var row in info.Rows())
        {
            var name = info.Text(row, "VM");
            if (name.Length == 0)
            {
                continue;
            }

            if (info.Text(row, "Template").Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                templates++;
                continue;
            }

            var cpus = info.Number(row, "CPUs", errors) ?? cpuSheet.GetValueOrDefault(name);
            var memory = info.Number(row, "Memory", errors) ?? memorySheet.GetValueOrDefault(name);
            var storageMib = info.Number(row, "Provisioned MiB|Provisioned MB", errors)
                ?? info.Number(row, "Total disk capacity MiB|Total disk capacity MB", errors)
                ?? diskSheet.GetValueOrDefault(name);
            var inUseMib = info.Number(row, "In Use MiB|In Use MB", errors);
            var osConfig = NullIfEmpty(info.Text(row, "OS according to the configuration file|OS"));
            var osTools = NullIfEmpty(info.Text(row, "OS according to the VMware Tools"));
            var guestOs = osTools ?? osConfig;
            var os = GuestOsParser.Parse(guestOs);
            var vmId = NullIfEmpty(info.Text(row, "VM ID"));
            var uuid = NullIfEmpty(info.Text(row, "VM UUID"));
            var attributes = new JsonObject
            {
                ["vm_id"] = vmId,
                ["uuid"] = uuid,
                ["ip"] = NullIfEmpty(info.Text(row, "Primary IP Address")),
                ["hostname"] = NullIfEmpty(info.Text(row, "DNS Name")),
                ["hardware_version"] = NullIfEmpty(info.Text(row, "HW version|Version")),
                ["os_configured"] = osConfig,
                ["os_tools"] = osTools,
                ["in_use_gib"] = inUseMib is { } used ? Math.Round(used / 1024m, 2) : null,
            };
            records.Add(new ResourceRecord
            {
                // The VM's UUID survives a vCenter move; the moref (VM ID) is next best; old exports have only the name.
                ExternalId = uuid ?? vmId ?? "name:" + name,
                Kind = ResourceKinds.Vm,
                Name = name,
                Datacenter = NullIfEmpty(info.Text(row, "Datacenter")),
                Cluster = NullIfEmpty(info.Text(row, "Cluster")),
                Host = NullIfEmpty(info.Text(row, "Host")),
                FolderPath = NullIfEmpty(info.Text(row, "Folder")),
                PowerState = PowerState(info.Text(row, "Powerstate")),
                GuestOs = guestOs,
                OsFamily = os.FamilyKey,
                OsVersion = os.Version,
                CpuCount = cpus is { } c ? (int)c : null,
                MemoryMib = memory is { } m ? (long)m : null,
                StorageGib = storageMib is { } s ? Math.Round(s / 1024m, 2) : null,
                Attributes = Compact(attributes),
                Raw = info.RowJson(row),
            });
        }

        var hosts = Sheet.Open(workbook, "vHost") is { } hostSheet ? ReadHosts(hostSheet, errors) : [];
        if (errors.Count > 0)
        {
            throw new ImportFileException(errors.Count > 100 ? [.. errors.Take(100), $"… och {errors.Count - 100} fel till."] : errors);
        }

        if (records.Count == 0)
        {
            throw new ImportFileException($"Blad \"vInfo\" i filen \"{fileName}\" har inga virtuella maskiner.");
        }

        return new RvToolsExport(records, hosts, templates, is4 ? "4.x" : "3.x");
    }

    private static List<ResourceRecord> ReadHosts(Sheet sheet, List<string> errors)
    {
        var list = new List<ResourceRecord>();
        if (sheet.Column("Host") is null)
        {
            errors.Add("Blad \"vHost\": kolumnen \"Host\" saknas på första raden.");
            return list;
        }

        foreach (var row in sheet.Rows())
        {
            var name = sheet.Text(row, "Host");
            if (name.Length == 0)
            {
                continue;
            }

            var cores = sheet.Number(row, "# Cores", errors);
            var memory = sheet.Number(row, "# Memory", errors);
            list.Add(new ResourceRecord
            {
                ExternalId = "host:" + name,
                Kind = ResourceKinds.Host,
                Name = name,
                Datacenter = NullIfEmpty(sheet.Text(row, "Datacenter")),
                Cluster = NullIfEmpty(sheet.Text(row, "Cluster")),
                GuestOs = NullIfEmpty(sheet.Text(row, "ESX Version")),
                CpuCount = cores is { } c ? (int)c : null,
                MemoryMib = memory is { } m ? (long)m : null,
                Attributes = Compact(new JsonObject
                {
                    ["cpu_model"] = NullIfEmpty(sheet.Text(row, "CPU Model")),
                    ["sockets"] = sheet.Number(row, "# CPU", errors) is { } sockets ? (int)sockets : null,
                    ["vendor"] = NullIfEmpty(sheet.Text(row, "Vendor")),
                    ["model"] = NullIfEmpty(sheet.Text(row, "Model")),
                }),
                Raw = sheet.RowJson(row),
            });
        }

        return list;
    }

    // Per VM name: the sheet's value (first row), or the sum over rows for vDisk (one row per disk).
    private static Dictionary<string, decimal> Lookup(Sheet? sheet, string column, List<string> errors, bool sum)
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (sheet is null || sheet.Column("VM") is null || sheet.Column(column) is null)
        {
            return map;
        }

        foreach (var row in sheet.Rows())
        {
            var name = sheet.Text(row, "VM");
            if (name.Length == 0 || sheet.Number(row, column, errors) is not { } value)
            {
                continue;
            }

            if (sum)
            {
                map[name] = map.GetValueOrDefault(name) + value;
            }
            else
            {
                map.TryAdd(name, value);
            }
        }

        return map;
    }

    private static string? PowerState(string text) => text.ToLowerInvariant() switch
    {
        "poweredon" => "on",
        "poweredoff" => "off",
        "suspended" => "suspended",
        _ => null,
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static JsonObject Compact(JsonObject obj)
    {
        foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            obj.Remove(key);
        }

        return obj;
    }

    /// <summary>One sheet with its header row: columns by name ("A|B" tries A, then B).</summary>
    private sealed class Sheet
    {
        private readonly IXLWorksheet _sheet;
        private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
        private readonly int _lastRow;

        private Sheet(IXLWorksheet sheet)
        {
            _sheet = sheet;
            var used = sheet.RangeUsed();
            _lastRow = used?.LastRow().RowNumber() ?? 0;
            var lastColumn = used?.LastColumn().ColumnNumber() ?? 0;
            for (var c = 1; c <= lastColumn; c++)
            {
                var header = ImportFiles.CellText(sheet.Cell(1, c));
                if (header.Length > 0)
                {
                    Headers.Add(header);
                    _columns.TryAdd(ImportFiles.NormalizeHeader(header), c);
                }
            }
        }

        public List<string> Headers { get; } = [];

        public static Sheet? Open(XLWorkbook workbook, string name) =>
            workbook.Worksheets.FirstOrDefault(w => w.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } sheet ? new Sheet(sheet) : null;

        public int? Column(string names)
        {
            foreach (var name in names.Split('|'))
            {
                if (_columns.TryGetValue(ImportFiles.NormalizeHeader(name), out var column))
                {
                    return column;
                }
            }

            return null;
        }

        public IEnumerable<int> Rows() => Enumerable.Range(2, Math.Max(0, _lastRow - 1));

        public string Text(int row, string names) => Column(names) is { } column ? ImportFiles.CellText(_sheet.Cell(row, column)) : "";

        public decimal? Number(int row, string names, List<string> errors)
        {
            var text = Text(row, names);
            if (text.Length == 0)
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            var header = Headers.First(h => Column(names) == _columns[ImportFiles.NormalizeHeader(h)]);
            errors.Add($"Blad \"{_sheet.Name}\", rad {row}, kolumn \"{header}\": \"{text}\" är inte giltigt; förväntat ett tal.");
            return null;
        }

        public JsonObject RowJson(int row)
        {
            var json = new JsonObject();
            foreach (var header in Headers)
            {
                var text = ImportFiles.CellText(_sheet.Cell(row, _columns[ImportFiles.NormalizeHeader(header)]));
                if (text.Length > 0)
                {
                    json[header] = text;
                }
            }

            return json;
        }
    }
}
