using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// One scan of one vCenter over a logged-in client. The phases run as a pipeline, not one after
/// the other: the VM list, the topology (datacenters, clusters, hosts, datastores, folders),
/// the tags and the placement lists start together, and the per-VM detail and guest-identity
/// calls start as soon as the VM list is in. The client's gate keeps the total in flight at
/// MaxConcurrency, so the slow part (two calls per VM) always has the slots it can use.
/// </summary>
internal sealed class VSphereScan(VSphereClient client, IScanProgress progress, int maxConcurrency, VSphereClientOptions options, ILogger logger)
{
    private const int MaxErrorsKept = 50;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly VSphereApiFlavor _flavor = client.Flavor;
    private int _errorCount;
    private int _listOk;
    private int _skipped;
    private int _tagsFailed;
    private int _placementFailed;
    private int _goneLogged;
    private Exception? _firstFailure;

    public int Skipped => _skipped;

    /// <summary>The tagging service failed: no object's tags are known this scan.</summary>
    internal bool TagsFailed => Volatile.Read(ref _tagsFailed) != 0;

    public IReadOnlyList<string> Errors =>
        _errorCount > MaxErrorsKept ? [.. _errors, $"... and {_errorCount - MaxErrorsKept} more errors"] : [.. _errors];

    /// <summary>
    /// Reads everything, handing records to <paramref name="sink"/> as they are ready: each VM's details are mapped as soon
    /// as the topology, tags and placement lists are in (they start first and finish long before the per-VM calls), and
    /// written a batch at a time, so memory holds a batch and the queue between readers and writer, not the estate's JSON.
    /// Returns how many records were handed over.
    /// </summary>
    public async Task<int> RunAsync(IResourceSink sink, CancellationToken cancellationToken)
    {
        var topologyTask = ReadTopologyAsync(cancellationToken);
        var tagsTask = ReadTagsAsync(cancellationToken);
        var vmsTask = ListAllVmsAsync(topologyTask, cancellationToken);
        var hostOfVmTask = MapVmsToHostsAsync(topologyTask, cancellationToken);
        var folderOfVmTask = MapVmsToFoldersAsync(topologyTask, cancellationToken);
        var contextTask = ContextAsync(topologyTask, tagsTask, hostOfVmTask, folderOfVmTask);

        var vms = await vmsTask;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Bounded: when the writer falls behind (or waits for the placement lists), the readers wait instead of piling up JSON.
        var queue = Channel.CreateBounded<VmDetails>(new BoundedChannelOptions(DetailsQueue) { SingleReader = true });
        var write = WriteVmsAsync(queue.Reader, contextTask, sink, stop, cancellationToken);
        var read = ReadDetailsAsync(vms ?? [], queue.Writer, stop.Token);
        // The writer first: when it fails, the readers stop cancelled and its exception is the one that counts.
        await Task.WhenAll(write, read);
        var count = await write;

        if (Volatile.Read(ref _listOk) == 0)
        {
            throw new VSphereException(
                $"Nothing could be listed from vCenter {client.BaseUrl}: {_firstFailure?.Message ?? "no answer"}", _firstFailure);
        }

        var context = await contextTask;
        var topologyRecords = TopologyRecords(context);
        await sink.AddAsync([.. topologyRecords.Select(r => VSphereUnread.MarkOne(r, context.TagsFailed, context.PlacementFailed, null))], cancellationToken);
        return count + topologyRecords.Count;
    }

    private const int DetailsQueue = 2000;

    private async Task<ScanContext> ContextAsync(
        Task<Topology> topologyTask,
        Task<IReadOnlyDictionary<string, List<(string Category, string Tag)>>> tagsTask,
        Task<IReadOnlyDictionary<string, string>> hostOfVmTask,
        Task<IReadOnlyDictionary<string, string>> folderOfVmTask)
    {
        var topology = await topologyTask;
        var tags = await tagsTask;
        var hostOfVm = await hostOfVmTask;
        var folderOfVm = await folderOfVmTask;
        // Every list that places objects is in: whether any failed is known for good (later failures are VMs' own calls).
        return new ScanContext(topology, tags, hostOfVm, folderOfVm, Volatile.Read(ref _tagsFailed) != 0, Volatile.Read(ref _placementFailed) != 0);
    }

    private static async Task<int> WriteVmsAsync(
        ChannelReader<VmDetails> queue, Task<ScanContext> contextTask, IResourceSink sink, CancellationTokenSource stop,
        CancellationToken cancellationToken)
    {
        try
        {
            var context = await contextTask;
            var count = 0;
            var batch = new List<ResourceRecord>(WriteBatch);
            await foreach (var vm in queue.ReadAllAsync(cancellationToken))
            {
                batch.Add(VSphereUnread.MarkOne(MapVm(context, vm), context.TagsFailed, context.PlacementFailed, vm));
                if (batch.Count == WriteBatch)
                {
                    await sink.AddAsync(batch, cancellationToken);
                    count += batch.Count;
                    batch = new List<ResourceRecord>(WriteBatch);
                }
            }

            await sink.AddAsync(batch, cancellationToken);
            return count + batch.Count;
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private const int WriteBatch = 500;

    private static IReadOnlyDictionary<string, string> TagsOf(ScanContext context, string id) =>
        context.Tags.TryGetValue(id, out var list) ? VSphereMapper.TagMap(list) : new Dictionary<string, string>();

    private static string? DcName(Topology topology, string? dcId) =>
        dcId is not null && topology.Datacenters.TryGetValue(dcId, out var dc) ? dc.Name : null;

    private static List<ResourceRecord> TopologyRecords(ScanContext context)
    {
        var topology = context.Topology;
        IReadOnlyDictionary<string, string> TagsOf(string id) => VSphereScan.TagsOf(context, id);
        string? DcName(string? dcId) => VSphereScan.DcName(topology, dcId);

        var records = new List<ResourceRecord>();
        foreach (var dc in topology.Datacenters.Values.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            records.Add(new ResourceRecord
            {
                ExternalId = dc.Id, Kind = ResourceKinds.Datacenter, Name = dc.Name, Datacenter = dc.Name,
                ResourceType = "Datacenter", Tags = TagsOf(dc.Id), Raw = dc.Node.DeepClone(),
            });
        }

        foreach (var cluster in topology.Clusters.Values.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            records.Add(new ResourceRecord
            {
                ExternalId = cluster.Id, Kind = ResourceKinds.Cluster, Name = cluster.Name, Datacenter = DcName(cluster.DatacenterId),
                Cluster = cluster.Name, ResourceType = "ClusterComputeResource", Tags = TagsOf(cluster.Id), Raw = cluster.Node.DeepClone(),
                Attributes = new JsonObject
                {
                    ["ha_enabled"] = cluster.Node["ha_enabled"]?.DeepClone(),
                    ["drs_enabled"] = cluster.Node["drs_enabled"]?.DeepClone(),
                },
            });
        }

        foreach (var host in topology.Hosts.Values.OrderBy(h => h.Id, StringComparer.Ordinal))
        {
            var clusterName = host.ClusterId is not null && topology.Clusters.TryGetValue(host.ClusterId, out var c) ? c.Name : null;
            records.Add(new ResourceRecord
            {
                ExternalId = host.Id, Kind = ResourceKinds.Host, Name = host.Name, Datacenter = DcName(host.DatacenterId),
                Cluster = clusterName, Host = host.Name, ResourceType = "HostSystem",
                PowerState = VSphereMapper.PowerState(VmSummary.Str(host.Node, "power_state")),
                Tags = TagsOf(host.Id), Raw = host.Node.DeepClone(),
                Attributes = new JsonObject { ["connection_state"] = VmSummary.Str(host.Node, "connection_state") },
            });
        }

        foreach (var ds in topology.Datastores.Values.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var capacity = VmSummary.Long(ds.Node, "capacity");
            var free = VmSummary.Long(ds.Node, "free_space");
            records.Add(new ResourceRecord
            {
                ExternalId = ds.Id, Kind = ResourceKinds.Datastore, Name = ds.Name, Datacenter = DcName(ds.DatacenterId),
                ResourceType = "Datastore", StorageGib = capacity is null ? null : Math.Round(capacity.Value / (1024m * 1024m * 1024m), 3),
                Tags = TagsOf(ds.Id), Raw = ds.Node.DeepClone(),
                Attributes = new JsonObject
                {
                    ["type"] = VmSummary.Str(ds.Node, "type"),
                    ["free_gib"] = free is null ? null : Math.Round(free.Value / (1024m * 1024m * 1024m), 3),
                },
            });
        }

        foreach (var folder in topology.Folders.Values.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            records.Add(new ResourceRecord
            {
                ExternalId = folder.Id, Kind = ResourceKinds.Folder, Name = folder.Name, Datacenter = DcName(folder.DatacenterId),
                FolderPath = folder.Path, ResourceType = "Folder", Tags = TagsOf(folder.Id), Raw = folder.Node.DeepClone(),
            });
        }

        return records;
    }

    private static ResourceRecord MapVm(ScanContext context, VmDetails vm)
    {
        var topology = context.Topology;
        var id = vm.Summary.Vm;
        HostInfo? host = context.HostOfVm.TryGetValue(id, out var hostId) && topology.Hosts.TryGetValue(hostId, out var h) ? h : null;
        FolderInfo? folder = context.FolderOfVm.TryGetValue(id, out var folderId) && topology.Folders.TryGetValue(folderId, out var f) ? f : null;
        ClusterInfo? cluster = host?.ClusterId is not null && topology.Clusters.TryGetValue(host.ClusterId, out var cl) ? cl : null;
        var placement = new VmPlacement(DcName(topology, host?.DatacenterId ?? folder?.DatacenterId), cluster?.Name, host?.Name, folder?.Path);
        var record = VSphereMapper.MapVm(vm, placement, TagsOf(context, id));
        record.Attributes["host_id"] = host?.Id;
        record.Attributes["cluster_id"] = cluster?.Id;
        record.Attributes["folder_id"] = folder?.Id;
        return record;
    }

    private async Task ReadDetailsAsync(IReadOnlyCollection<VmSummary> vms, ChannelWriter<VmDetails> queue, CancellationToken cancellationToken)
    {
        try
        {
            var total = vms.Count;
            var done = 0;
            progress.Report(0, total, "VMs");

            // A little more parallelism than gate slots so a slot freed by one VM is taken at once.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency + 2, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(vms, parallel, async (vm, token) =>
            {
                var details = await ReadOneAsync(vm, token);
                if (details is not null)
                {
                    await queue.WriteAsync(details, token);
                }

                progress.Report(Interlocked.Increment(ref done), total, "VMs");
            });
        }
        finally
        {
            queue.TryComplete();
        }
    }

    private async Task<VmDetails?> ReadOneAsync(VmSummary vm, CancellationToken cancellationToken)
    {
        JsonObject? info = null;
        try
        {
            info = await client.GetAsync(VSpherePaths.Vm(_flavor, vm.Vm), cancellationToken) as JsonObject;
            if (info is not null)
            {
                VSphereMapper.NormalizeMaps(info);
            }
        }
        catch (VSphereApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            // Deleted between the list and now: not an error, the next scan will not list it.
            Interlocked.Increment(ref _skipped);
            logger.LogInformation("VM {Vm} ({Name}) disappeared during the scan; skipped", vm.Vm, vm.Name);
            return null;
        }
        catch (Exception ex) when (ex is VSphereApiException or VSphereException)
        {
            // Keep the VM from its summary, so it is not taken for removed; the scan is incomplete, and the store
            // keeps the details it knew (InfoFailed), never the gap.
            Fail($"VM {vm.Vm} details", ex);
            return new VmDetails(vm, null, null, null, InfoFailed: true);
        }

        var poweredOn = (VmSummary.Str(info, "power_state") ?? vm.PowerState) == "POWERED_ON";
        if (!poweredOn)
        {
            // Tools cannot run in a VM that is off: save the call that would answer 503.
            return new VmDetails(vm, info, null, false);
        }

        try
        {
            var identity = await client.GetAsync(VSpherePaths.GuestIdentity(_flavor, vm.Vm), cancellationToken) as JsonObject;
            return new VmDetails(vm, info, identity, identity is not null);
        }
        catch (VSphereApiException ex) when (ex.Status == HttpStatusCode.ServiceUnavailable && VSphereClient.IsToolsNotRunning(ex.Detail ?? ""))
        {
            return new VmDetails(vm, info, null, false);
        }
        catch (Exception ex) when (ex is VSphereApiException or VSphereException)
        {
            // Guest identity is a bonus (host name, IP, full OS name); without it the VM is still whole.
            logger.LogInformation("Guest identity of VM {Vm} not read: {Message}", vm.Vm, ex.Message);
            return new VmDetails(vm, info, null, null, IdentityFailed: true);
        }
    }

    /// <summary>
    /// All VMs, each once. GET /api/vcenter/vm fails beyond 4000 matches and has no paging, so the
    /// query is split per cluster (and standalone host), a cluster still too big per host, a host
    /// still too big per folder.
    /// </summary>
    private async Task<IReadOnlyCollection<VmSummary>?> ListAllVmsAsync(Task<Topology> topologyTask, CancellationToken cancellationToken)
    {
        List<VmSummary>? all;
        try
        {
            all = await GetVmsAsync([], cancellationToken);
        }
        catch (VSphereApiException ex) when (ex.IsTooManyMatches)
        {
            logger.LogInformation("vCenter {Url} has more VMs than one list call returns; listing per cluster and host", client.BaseUrl);
            var topology = await topologyTask;
            var parts = topology.Clusters.Keys.Select(c => ListClusterVmsAsync(topology, c, cancellationToken))
                .Concat(topology.Hosts.Values.Where(h => h.ClusterId is null).Select(h => ListHostVmsAsync(topology, h.Id, cancellationToken)));
            all = Combine(await Task.WhenAll(parts));
        }
        catch (Exception ex) when (ex is VSphereApiException or VSphereException)
        {
            Fail("VM list", ex);
            return null;
        }

        var unique = new Dictionary<string, VmSummary>(StringComparer.Ordinal);
        foreach (var vm in all ?? [])
        {
            unique.TryAdd(vm.Vm, vm);
        }

        return unique.Values;
    }

    private Task<List<VmSummary>?> ListClusterVmsAsync(Topology topology, string clusterId, CancellationToken cancellationToken) =>
        TryVmsAsync($"VMs of cluster {clusterId}", [("clusters", [clusterId])], async () =>
        {
            var hosts = topology.Hosts.Values.Where(h => h.ClusterId == clusterId).Select(h => ListHostVmsAsync(topology, h.Id, cancellationToken));
            return Combine(await Task.WhenAll(hosts));
        }, cancellationToken);

    private Task<List<VmSummary>?> ListHostVmsAsync(Topology topology, string hostId, CancellationToken cancellationToken) =>
        TryVmsAsync($"VMs of host {hostId}", [("hosts", [hostId])], async () =>
        {
            var dc = topology.Hosts[hostId].DatacenterId;
            var folders = topology.Folders.Values.Where(f => f.DatacenterId == dc)
                .Select(f => TryVmsAsync($"VMs of host {hostId} in folder {f.Id}", [("hosts", [hostId]), ("folders", [f.Id])], null, cancellationToken));
            return Combine(await Task.WhenAll(folders));
        }, cancellationToken);

    private Task<List<VmSummary>?> ListFolderVmsAsync(Topology topology, string folderId, CancellationToken cancellationToken) =>
        TryVmsAsync($"VMs of folder {folderId}", [("folders", [folderId])], async () =>
        {
            var dc = topology.Folders[folderId].DatacenterId;
            var hosts = topology.Hosts.Values.Where(h => h.DatacenterId == dc)
                .Select(h => TryVmsAsync($"VMs of folder {folderId} on host {h.Id}", [("folders", [folderId]), ("hosts", [h.Id])], null, cancellationToken));
            return Combine(await Task.WhenAll(hosts));
        }, cancellationToken);

    /// <summary>VM → host id, from one list per host (the REST API has no placement read).</summary>
    private async Task<IReadOnlyDictionary<string, string>> MapVmsToHostsAsync(Task<Topology> topologyTask, CancellationToken cancellationToken)
    {
        var topology = await topologyTask;
        var map = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Task.WhenAll(topology.Hosts.Keys.Select(async hostId =>
        {
            foreach (var vm in await ListHostVmsAsync(topology, hostId, cancellationToken) ?? [])
            {
                map[vm.Vm] = hostId;
            }
        }));
        return map;
    }

    /// <summary>VM → folder id, from one list per VM folder; if a VM shows in several (a filter that matches subfolders), the deepest wins.</summary>
    private async Task<IReadOnlyDictionary<string, string>> MapVmsToFoldersAsync(Task<Topology> topologyTask, CancellationToken cancellationToken)
    {
        var topology = await topologyTask;
        var map = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Task.WhenAll(topology.Folders.Keys.Select(async folderId =>
        {
            var depth = topology.Folders[folderId].Path.Count(c => c == '/');
            foreach (var vm in await ListFolderVmsAsync(topology, folderId, cancellationToken) ?? [])
            {
                map.AddOrUpdate(vm.Vm, folderId, (_, existing) =>
                    topology.Folders[existing].Path.Count(c => c == '/') >= depth ? existing : folderId);
            }
        }));
        return map;
    }

    private async Task<List<VmSummary>?> TryVmsAsync(
        string what, (string Name, IEnumerable<string> Values)[] filters, Func<Task<List<VmSummary>?>>? onTooMany, CancellationToken cancellationToken)
    {
        try
        {
            return await GetVmsAsync(filters, cancellationToken);
        }
        catch (VSphereApiException ex) when (ex.IsTooManyMatches && onTooMany is not null)
        {
            return await onTooMany();
        }
        catch (Exception ex) when (ex is VSphereApiException or VSphereException)
        {
            Fail(what, ex);
            return null;
        }
    }

    private async Task<List<VmSummary>> GetVmsAsync((string Name, IEnumerable<string> Values)[] filters, CancellationToken cancellationToken)
    {
        var node = await client.GetAsync(VSpherePaths.List(_flavor, "vm", filters), cancellationToken);
        Interlocked.Increment(ref _listOk);
        return [.. Objects(node).Select(VmSummary.From)];
    }

    private static List<VmSummary>? Combine(IEnumerable<List<VmSummary>?> parts)
    {
        List<VmSummary>? all = null;
        foreach (var part in parts)
        {
            if (part is not null)
            {
                (all ??= []).AddRange(part);
            }
        }

        return all;
    }

    private async Task<Topology> ReadTopologyAsync(CancellationToken cancellationToken)
    {
        var topology = new Topology();
        var datacenters = await TryListAsync("datacenters", VSpherePaths.List(_flavor, "datacenter"), cancellationToken);
        await Task.WhenAll((datacenters ?? []).Select(async node =>
        {
            var dc = new DatacenterInfo(Id(node, "datacenter"), VmSummary.Str(node, "name") ?? "", node);
            topology.Datacenters[dc.Id] = dc;
            await ReadDatacenterAsync(topology, dc, cancellationToken);
        }));
        return topology;
    }

    private async Task ReadDatacenterAsync(Topology topology, DatacenterInfo dc, CancellationToken cancellationToken)
    {
        (string, IEnumerable<string>) inDc = ("datacenters", [dc.Id]);
        var clustersTask = TryListAsync($"clusters of {dc.Name}", VSpherePaths.List(_flavor, "cluster", inDc), cancellationToken);
        var hostsTask = TryListAsync($"hosts of {dc.Name}", VSpherePaths.List(_flavor, "host", inDc), cancellationToken);
        var datastoresTask = TryListAsync($"datastores of {dc.Name}", VSpherePaths.List(_flavor, "datastore", inDc), cancellationToken);
        var foldersTask = TryListAsync($"VM folders of {dc.Name}", VSpherePaths.List(_flavor, "folder", ("type", ["VIRTUAL_MACHINE"]), inDc), cancellationToken);

        foreach (var node in await datastoresTask ?? [])
        {
            var ds = new DatastoreInfo(Id(node, "datastore"), VmSummary.Str(node, "name") ?? "", dc.Id, node);
            topology.Datastores[ds.Id] = ds;
        }

        foreach (var node in await hostsTask ?? [])
        {
            var host = new HostInfo(Id(node, "host"), VmSummary.Str(node, "name") ?? "", dc.Id, null, node);
            topology.Hosts[host.Id] = host;
        }

        var clusterWork = (await clustersTask ?? []).Select(async node =>
        {
            var cluster = new ClusterInfo(Id(node, "cluster"), VmSummary.Str(node, "name") ?? "", dc.Id, node);
            topology.Clusters[cluster.Id] = cluster;
            var members = await TryListAsync($"hosts of cluster {cluster.Name}", VSpherePaths.List(_flavor, "host", ("clusters", [cluster.Id])), cancellationToken);
            foreach (var member in members ?? [])
            {
                var id = Id(member, "host");
                topology.Hosts.AddOrUpdate(
                    id,
                    _ => new HostInfo(id, VmSummary.Str(member, "name") ?? "", dc.Id, cluster.Id, member),
                    (_, existing) => existing with { ClusterId = cluster.Id });
            }
        });

        var folders = (await foldersTask ?? []).Select(node => (Id: Id(node, "folder"), Name: VmSummary.Str(node, "name") ?? "", Node: node)).ToList();
        var parentOf = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var folderWork = folders.Select(async folder =>
        {
            var children = await TryListAsync(
                $"subfolders of {folder.Name}",
                VSpherePaths.List(_flavor, "folder", ("type", ["VIRTUAL_MACHINE"]), ("parent_folders", [folder.Id])),
                cancellationToken);
            foreach (var child in children ?? [])
            {
                parentOf[Id(child, "folder")] = folder.Id;
            }
        });

        await Task.WhenAll(clusterWork.Concat(folderWork));

        // Paths from the parent relations: the root VM folder of a datacenter ("vm") has no parent among them.
        var byId = folders.ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var names = new Stack<string>();
            var current = folder.Id;
            var guard = 0;
            while (current is not null && byId.TryGetValue(current, out var f) && guard++ < 64)
            {
                names.Push(f.Name);
                current = parentOf.TryGetValue(current, out var parent) ? parent : null;
            }

            topology.Folders[folder.Id] = new FolderInfo(folder.Id, folder.Name, dc.Id, "/" + dc.Name + "/" + string.Join('/', names), folder.Node);
        }
    }

    /// <summary>Object id → (category, tag) for every tagged object: 2 lists, one get per category and tag, one association call per batch of tags.</summary>
    internal async Task<IReadOnlyDictionary<string, List<(string Category, string Tag)>>> ReadTagsAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        try
        {
            var categoryIdsTask = client.GetAsync(VSpherePaths.Categories(_flavor), cancellationToken);
            var tagIdsTask = client.GetAsync(VSpherePaths.Tags(_flavor), cancellationToken);
            var categoryIds = Strings(await categoryIdsTask);
            var tagIds = Strings(await tagIdsTask);
            Interlocked.Increment(ref _listOk);

            var categories = await Task.WhenAll(categoryIds.Select(id => client.GetAsync(VSpherePaths.Category(_flavor, id), cancellationToken)));
            var categoryName = categories.Where(c => c is not null)
                .ToDictionary(c => VmSummary.Str(c, "id") ?? "", c => VmSummary.Str(c, "name") ?? "", StringComparer.Ordinal);

            var tagsTask = Task.WhenAll(tagIds.Select(id => client.GetAsync(VSpherePaths.Tag(_flavor, id), cancellationToken)));
            var associationsTask = Task.WhenAll(tagIds.Chunk(Math.Max(1, options.TagBatchSize)).Select(batch =>
                client.PostAsync(VSpherePaths.AttachedObjectsOnTags(_flavor), new JsonObject { ["tag_ids"] = new JsonArray([.. batch.Select(t => (JsonNode)t)]) }, cancellationToken)));

            var tagName = new Dictionary<string, (string Category, string Tag)>(StringComparer.Ordinal);
            foreach (var tag in await tagsTask)
            {
                var id = VmSummary.Str(tag, "id");
                var category = VmSummary.Str(tag, "category_id");
                if (id is not null && category is not null && categoryName.TryGetValue(category, out var cname))
                {
                    tagName[id] = (cname, VmSummary.Str(tag, "name") ?? id);
                }
            }

            foreach (var batch in await associationsTask)
            {
                foreach (var entry in Objects(batch))
                {
                    if (VmSummary.Str(entry, "tag_id") is not { } tagId || !tagName.TryGetValue(tagId, out var tag))
                    {
                        continue;
                    }

                    foreach (var obj in Objects(entry["object_ids"]))
                    {
                        if (VmSummary.Str(obj, "id") is { } objectId)
                        {
                            if (!result.TryGetValue(objectId, out var list))
                            {
                                result[objectId] = list = [];
                            }

                            list.Add(tag);
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is VSphereApiException or VSphereException)
        {
            Interlocked.Exchange(ref _tagsFailed, 1);
            Fail("tags", ex);
        }

        return result;
    }

    private async Task<List<JsonObject>?> TryListAsync(string what, string path, CancellationToken cancellationToken)
    {
        try
        {
            var node = await client.GetAsync(path, cancellationToken);
            Interlocked.Increment(ref _listOk);
            return [.. Objects(node)];
        }
        catch (Exception ex) when (ex is VSphereApiException or VSphereException)
        {
            Fail(what, ex);
            return null;
        }
    }

    private void Fail(string what, Exception ex)
    {
        // Any list but the VM list, a VM's own calls and tags places objects (hosts, clusters, folders): without it,
        // where a VM sits is not known for sure.
        if (!what.StartsWith("VM ", StringComparison.Ordinal) && what != "tags")
        {
            Interlocked.Exchange(ref _placementFailed, 1);
        }

        Interlocked.CompareExchange(ref _firstFailure, ex, null);
        if (Interlocked.Increment(ref _errorCount) <= MaxErrorsKept)
        {
            _errors.Enqueue($"{what}: {ex.Message}");
        }

        // Once the breaker is open every remaining call fails at once: one line for them, not one per VM.
        if (!client.Unavailable || Interlocked.Exchange(ref _goneLogged, 1) == 0)
        {
            logger.LogWarning("vCenter {Url}: {What} could not be read: {Message}", client.BaseUrl, what, ex.Message);
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>() : [];

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.OfType<JsonValue>().Select(v => v.ToString())] : [];

    private static string Id(JsonObject node, string field) =>
        VmSummary.Str(node, field) ?? throw new FormatException($"vCenter list entry without '{field}'");

    private sealed class Topology
    {
        public ConcurrentDictionary<string, DatacenterInfo> Datacenters { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, ClusterInfo> Clusters { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, HostInfo> Hosts { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, DatastoreInfo> Datastores { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, FolderInfo> Folders { get; } = new(StringComparer.Ordinal);
    }

    private sealed record ScanContext(
        Topology Topology,
        IReadOnlyDictionary<string, List<(string Category, string Tag)>> Tags,
        IReadOnlyDictionary<string, string> HostOfVm,
        IReadOnlyDictionary<string, string> FolderOfVm,
        bool TagsFailed,
        bool PlacementFailed);

    private sealed record DatacenterInfo(string Id, string Name, JsonObject Node);

    private sealed record ClusterInfo(string Id, string Name, string DatacenterId, JsonObject Node);

    private sealed record HostInfo(string Id, string Name, string DatacenterId, string? ClusterId, JsonObject Node);

    private sealed record DatastoreInfo(string Id, string Name, string DatacenterId, JsonObject Node);

    private sealed record FolderInfo(string Id, string Name, string DatacenterId, string Path, JsonObject Node);
}
