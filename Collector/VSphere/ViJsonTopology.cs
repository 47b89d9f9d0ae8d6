namespace Sourcing.Collector.VSphere;

/// <summary>
/// The small inventory types read before the VMs (datacenters, folders, clusters, hosts,
/// datastores, networks), with the parent links that give a VM its datacenter, cluster and folder path.
/// </summary>
internal sealed class ViJsonTopology
{
    private readonly Dictionary<string, ViJsonObject> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _folderPaths = new(StringComparer.Ordinal);

    public ViJsonTopology(
        IReadOnlyList<ViJsonObject> datacenters, IReadOnlyList<ViJsonObject> folders, IReadOnlyList<ViJsonObject> clusters,
        IReadOnlyList<ViJsonObject> hosts, IReadOnlyList<ViJsonObject> datastores, IReadOnlyList<ViJsonObject> networks)
    {
        Datacenters = datacenters;
        Folders = folders;
        Clusters = clusters;
        Hosts = hosts;
        Datastores = datastores;
        foreach (var obj in datacenters.Concat(folders).Concat(clusters).Concat(hosts).Concat(datastores))
        {
            _byId[obj.Id] = obj;
        }

        NetworkNames = networks.Where(n => n.Str("name") is not null).ToDictionary(n => n.Id, n => n.Str("name")!, StringComparer.Ordinal);
    }

    public IReadOnlyList<ViJsonObject> Datacenters { get; }

    public IReadOnlyList<ViJsonObject> Folders { get; }

    public IReadOnlyList<ViJsonObject> Clusters { get; }

    public IReadOnlyList<ViJsonObject> Hosts { get; }

    public IReadOnlyList<ViJsonObject> Datastores { get; }

    public IReadOnlyDictionary<string, string> NetworkNames { get; }

    public ViJsonObject? Find(string? id) => id is not null && _byId.TryGetValue(id, out var obj) ? obj : null;

    /// <summary>The datacenter above an object (following parent links), or null.</summary>
    public ViJsonObject? DatacenterOf(string? id)
    {
        var current = Find(id);
        for (var guard = 0; current is not null && guard < 64; guard++)
        {
            if (current.Type == "Datacenter")
            {
                return current;
            }

            current = Find(current.Mor("parent"));
        }

        return null;
    }

    /// <summary>The cluster a host belongs to (its parent), or null for a standalone host.</summary>
    public ViJsonObject? ClusterOf(ViJsonObject? host) =>
        Find(host?.Mor("parent")) is { Type: "ClusterComputeResource" } cluster ? cluster : null;

    /// <summary>"/DC-Visby/vm/HSF/Cosmic": the datacenter's name, then the folder names from the datacenter's vm folder down.</summary>
    public string? FolderPath(string folderId)
    {
        if (_folderPaths.TryGetValue(folderId, out var cached))
        {
            return cached;
        }

        var names = new Stack<string>();
        var current = Find(folderId);
        for (var guard = 0; current is { Type: "Folder" } && guard < 64; guard++)
        {
            names.Push(current.Str("name") ?? current.Id);
            current = Find(current.Mor("parent"));
        }

        var path = current is { Type: "Datacenter" } dc ? "/" + dc.Str("name") + "/" + string.Join('/', names) : null;
        _folderPaths[folderId] = path;
        return path;
    }

    /// <summary>A folder that holds VMs (childType lists VirtualMachine), as the Automation API's VIRTUAL_MACHINE folders.</summary>
    public static bool IsVmFolder(ViJsonObject folder) =>
        ViJson.Unbox(folder["childType"]) is System.Text.Json.Nodes.JsonArray types
        && types.Any(t => t?.ToString() == "VirtualMachine");
}
