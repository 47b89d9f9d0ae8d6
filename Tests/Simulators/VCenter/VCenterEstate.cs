namespace Sourcing.Tests.Simulators.VCenter;

/// <summary>
/// The estate a simulated vCenter serves. Thread-safe: tests change it between scans (or during
/// one) while the simulator reads it. Ground truth for assertions: what a scan must find.
/// </summary>
public sealed class VCenterEstate
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SimVm> _vms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _attachments = new(StringComparer.Ordinal);
    private int _nextId;
    private List<SimVm>? _sorted;

    public VCenterEstate(int firstId = 1000) => _nextId = firstId;

    public List<SimDatacenter> Datacenters { get; } = [];

    public List<SimCluster> Clusters { get; } = [];

    public List<SimHost> Hosts { get; } = [];

    public List<SimDatastore> Datastores { get; } = [];

    public List<SimFolder> Folders { get; } = [];

    public List<SimTagCategory> Categories { get; } = [];

    public List<SimTag> Tags { get; } = [];

    /// <summary>All VMs, ordered by numeric id (vCenter's own order). A snapshot, cached until the next change.</summary>
    public IReadOnlyList<SimVm> Vms
    {
        get
        {
            lock (_lock)
            {
                return _sorted ??= [.. _vms.Values.OrderBy(v => NumericId(v.Id))];
            }
        }
    }

    public int VmCount
    {
        get
        {
            lock (_lock)
            {
                return _vms.Count;
            }
        }
    }

    public string NextId(string prefix)
    {
        lock (_lock)
        {
            return prefix + (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public SimVm? FindVm(string id)
    {
        lock (_lock)
        {
            return _vms.GetValueOrDefault(id);
        }
    }

    public void AddVm(SimVm vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        lock (_lock)
        {
            _vms[vm.Id] = vm;
            _sorted = null;
        }
    }

    public bool DeleteVm(string id)
    {
        lock (_lock)
        {
            foreach (var set in _attachments.Values)
            {
                set.Remove(id);
            }

            _sorted = null;
            return _vms.Remove(id);
        }
    }

    public SimVm UpdateVm(string id, Func<SimVm, SimVm> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            var updated = change(_vms[id]);
            _vms[id] = updated;
            _sorted = null;
            return updated;
        }
    }

    public SimVm ResizeVm(string id, int cpuCount, long memoryMib) =>
        UpdateVm(id, vm => vm with { CpuCount = cpuCount, MemoryMib = memoryMib });

    public SimVm SetPowerState(string id, string powerState) =>
        UpdateVm(id, vm => vm with { PowerState = powerState });

    public void Attach(string tagId, string objectId)
    {
        lock (_lock)
        {
            if (!_attachments.TryGetValue(tagId, out var set))
            {
                _attachments[tagId] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(objectId);
        }
    }

    public void Detach(string tagId, string objectId)
    {
        lock (_lock)
        {
            _attachments.GetValueOrDefault(tagId)?.Remove(objectId);
        }
    }

    public IReadOnlyList<string> AttachedObjects(string tagId)
    {
        lock (_lock)
        {
            return _attachments.TryGetValue(tagId, out var set) ? [.. set.Order(StringComparer.Ordinal)] : [];
        }
    }

    public IReadOnlyList<SimTag> TagsOn(string objectId)
    {
        lock (_lock)
        {
            return [.. Tags.Where(t => _attachments.TryGetValue(t.Id, out var set) && set.Contains(objectId))];
        }
    }

    /// <summary>Category name → tag names joined "; " (sorted), the shape the collector must produce.</summary>
    public IReadOnlyDictionary<string, string> TagMapOf(string objectId) =>
        TagsOn(objectId)
            .GroupBy(t => Categories.First(c => c.Id == t.CategoryId).Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(t => t.Name).Order(StringComparer.Ordinal)), StringComparer.Ordinal);

    /// <summary>"/DC-Visby/vm/HSF/Cosmic": the datacenter name, then the folder names from the datacenter's vm folder down.</summary>
    public string FolderPath(string folderId)
    {
        var names = new Stack<string>();
        var folder = Folders.First(f => f.Id == folderId);
        var datacenter = Datacenters.First(d => d.Id == folder.DatacenterId);
        for (var current = folder; current is not null && current.DatacenterId is not null; current = Folders.FirstOrDefault(f => f.Id == current.ParentId))
        {
            names.Push(current.Name);
        }

        return "/" + datacenter.Name + "/" + string.Join('/', names);
    }

    public SimHost Host(string id) => Hosts.First(h => h.Id == id);

    public SimCluster? ClusterOf(SimVm vm) => Host(vm.HostId).ClusterId is { } c ? Clusters.First(x => x.Id == c) : null;

    public SimDatacenter DatacenterOf(SimVm vm) => Datacenters.First(d => d.Id == Host(vm.HostId).DatacenterId);

    internal static long NumericId(string id)
    {
        var digits = new string([.. id.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? 0 : long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}
