using System.Globalization;

namespace Sourcing.Tests.Simulators.VCenter;

/// <summary>
/// A seeded estate that looks like a Swedish region's: two datacenters (DC-Visby, DC-Slite),
/// clusters per environment, VM folders per förvaltning and system, tag categories System,
/// Förvaltning and Miljö, and guest OS in the proportions a region really has. About 10 % of the
/// VMs carry no System tag (the unmapped rest), some are off, some have no VMware Tools running.
/// </summary>
public static class VCenterEstateGenerator
{
    public static readonly IReadOnlyList<(string Code, string Name)> Forvaltningar =
    [
        ("HSF", "Hälso- och sjukvårdsförvaltningen"),
        ("SOF", "Socialförvaltningen"),
        ("UBF", "Utbildningsförvaltningen"),
        ("TF", "Tekniska förvaltningen"),
        ("SBF", "Samhällsbyggnadsförvaltningen"),
        ("RSF", "Regionstyrelseförvaltningen"),
    ];

    /// <summary>(system, förvaltning code, weight: relative number of VMs).</summary>
    public static readonly IReadOnlyList<(string Name, string Forvaltning, int Weight)> Systems =
    [
        ("Cosmic", "HSF", 40), ("Sectra PACS", "HSF", 25), ("Melior", "HSF", 6), ("TakeCare", "HSF", 6), ("Obstetrix", "HSF", 4),
        ("Clinisoft", "HSF", 5), ("Orbit", "HSF", 5), ("Cytodos", "HSF", 3), ("Flexlab", "HSF", 6), ("LabPortalen", "HSF", 3),
        ("ProSang", "HSF", 3), ("SymPathy", "HSF", 3), ("Auditbase", "HSF", 2), ("MUSE", "HSF", 3), ("Svevac", "HSF", 2),
        ("Pascal", "HSF", 2), ("NPÖ-integration", "HSF", 2), ("T4 Tandvård", "HSF", 4), ("Aurora", "HSF", 3), ("Elvis", "HSF", 3),
        ("Mikro", "HSF", 2), ("Digitalt vårdmöte", "HSF", 4), ("Ambuliss", "HSF", 3), ("Planet Sjukresor", "HSF", 2), ("RIS Sectra", "HSF", 4),
        ("Time Care", "HSF", 4), ("MedControl", "HSF", 2), ("Medusa", "HSF", 2), ("Infektionsverktyget", "HSF", 1), ("Dialys Euroquip", "HSF", 2),
        ("Procapita", "SOF", 12), ("Lifecare", "SOF", 10), ("Treserva", "SOF", 6), ("Combine", "SOF", 3), ("Viva", "SOF", 3),
        ("Phoniro", "SOF", 3), ("TES", "SOF", 3), ("Magna Cura", "SOF", 2), ("Trygghetslarm Tunstall", "SOF", 2), ("Alfa e-Planering", "SOF", 2),
        ("Senior alert-integration", "SOF", 1), ("Beslutsstöd Socialtjänst", "SOF", 2), ("Ekonomiskt bistånd Ecos", "SOF", 2), ("Familjerätt", "SOF", 1), ("Hemtjänstplanering", "SOF", 2),
        ("Unikum", "UBF", 4), ("Schoolsoft", "UBF", 3), ("Dexter", "UBF", 3), ("Extens", "UBF", 3), ("InfoMentor", "UBF", 3),
        ("Edlevo", "UBF", 4), ("ProReNata", "UBF", 3), ("Skola24", "UBF", 2), ("Hypernet", "UBF", 2), ("Elevhälsa PMO", "UBF", 2),
        ("Ladok-integration", "UBF", 1), ("Vklass", "UBF", 2), ("Kursadministration Alvis", "UBF", 2), ("Bibliotek Quria", "UBF", 2), ("Folkhögskola Schoolity", "UBF", 1),
        ("Momentum", "TF", 4), ("Vitec Fastighet", "TF", 4), ("Incit Xpand", "TF", 3), ("Facilit", "TF", 3), ("Pondus", "TF", 2),
        ("EDP Vatten", "TF", 3), ("Future Avfall", "TF", 2), ("Infracontrol", "TF", 2), ("Driftövervakning Citect", "TF", 3), ("Passersystem Axis", "TF", 3),
        ("Energiuppföljning Vitec", "TF", 2), ("Fordonssystem Fleet", "TF", 2), ("Kartotek Byggnad", "TF", 1), ("Lokalbokning", "TF", 2), ("Larmcentral Lisa", "TF", 2),
        ("ByggR", "SBF", 4), ("Ecos2", "SBF", 3), ("ArcGIS", "SBF", 6), ("Geosecma", "SBF", 3), ("Trimble Locus", "SBF", 2),
        ("Castor", "SBF", 2), ("Infovisaren", "SBF", 2), ("Evolution Detaljplan", "SBF", 2), ("Tekis", "SBF", 3), ("Adressregister", "SBF", 1),
        ("Kollektivtrafik Rebus", "SBF", 2), ("Miljöövervakning", "SBF", 1), ("Bostadsanpassning", "SBF", 1), ("Lantmäteri-integration", "SBF", 1), ("Bredbandskarta", "SBF", 1),
        ("Heroma", "RSF", 10), ("Raindance", "RSF", 8), ("Visma", "RSF", 6), ("Agresso", "RSF", 5), ("Platina", "RSF", 5),
        ("Public 360", "RSF", 4), ("W3D3", "RSF", 3), ("Ciceron", "RSF", 3), ("Stratsys", "RSF", 2), ("Hypergene", "RSF", 3),
        ("Qlik Sense", "RSF", 5), ("Proceedo", "RSF", 3), ("TendSign", "RSF", 2), ("Primula", "RSF", 2), ("Medvind", "RSF", 3),
        ("Sitevision", "RSF", 5), ("Episerver", "RSF", 4), ("Diabase", "RSF", 2), ("Lex", "RSF", 1), ("Active Directory", "RSF", 8),
        ("ADFS", "RSF", 3), ("SCCM", "RSF", 5), ("Citrix", "RSF", 14), ("VMware Horizon", "RSF", 5), ("Exchange", "RSF", 6),
        ("Veeam", "RSF", 6), ("OP5 Monitor", "RSF", 3), ("PKI", "RSF", 3), ("SIEM Splunk", "RSF", 4), ("Filserver", "RSF", 8),
        ("Skrivarserver", "RSF", 4), ("SQL-kluster", "RSF", 10), ("Integrationsplattform BizTalk", "RSF", 6), ("E-tjänsteplattform", "RSF", 4), ("Intranät", "RSF", 3),
    ];

    private static readonly (string Enum, string FullName, string Family, int Weight)[] GuestOses =
    [
        ("WINDOWS_7_SERVER_64", "Microsoft Windows Server 2008 R2 (64-bit)", "WINDOWS", 6),
        ("WINDOWS_8_SERVER_64", "Microsoft Windows Server 2012 R2 (64-bit)", "WINDOWS", 15),
        ("WINDOWS_9_SERVER_64", "Microsoft Windows Server 2016 (64-bit)", "WINDOWS", 20),
        ("WINDOWS_SERVER_2019", "Microsoft Windows Server 2019 (64-bit)", "WINDOWS", 17),
        ("WINDOWS_SERVER_2021", "Microsoft Windows Server 2022 (64-bit)", "WINDOWS", 7),
        ("RHEL_6_64", "Red Hat Enterprise Linux 6 (64-bit)", "LINUX", 2),
        ("RHEL_7_64", "Red Hat Enterprise Linux 7 (64-bit)", "LINUX", 10),
        ("RHEL_8_64", "Red Hat Enterprise Linux 8 (64-bit)", "LINUX", 8),
        ("RHEL_9_64", "Red Hat Enterprise Linux 9 (64-bit)", "LINUX", 3),
        ("SLES_12_64", "SUSE Linux Enterprise 12 (64-bit)", "LINUX", 2),
        ("SLES_15_64", "SUSE Linux Enterprise 15 (64-bit)", "LINUX", 3),
        ("UBUNTU_64", "Ubuntu 16.04.7 LTS", "LINUX", 1),
        ("UBUNTU_64", "Ubuntu 18.04.6 LTS", "LINUX", 2),
        ("UBUNTU_64", "Ubuntu 20.04.6 LTS", "LINUX", 2),
        ("UBUNTU_64", "Ubuntu 22.04.3 LTS", "LINUX", 2),
    ];

    private static readonly string[] Roles = ["app", "db", "web", "int", "fil"];
    private static readonly string[] Sites = ["DC-Visby", "DC-Slite"];
    private static readonly string[] Environments = ["Produktion", "Test", "Utveckling"];
    private static readonly int[] CpuCounts = [1, 2, 2, 2, 4, 4, 4, 8, 8, 16];
    private static readonly long[] MemorySizes = [2048L, 4096, 4096, 8192, 8192, 16384, 16384, 32768, 65536];
    private static readonly string[] HardwareVersions = ["VMX_11", "VMX_13", "VMX_14", "VMX_15", "VMX_17", "VMX_19"];

    /// <summary>
    /// Builds the estate. <paramref name="clusters"/> clusters are spread over the two
    /// datacenters (…-Prod first, then …-Test); VMs land in the cluster of their environment.
    /// </summary>
    public static VCenterEstate Generate(int vms, int seed, int clusters = 3, int hostsPerCluster = 6)
    {
        var random = new Random(seed);
        var estate = new VCenterEstate();
        estate.Folders.Add(new SimFolder("group-d1", "Datacenters", "DATACENTER", null, null));

        var vmRoot = new Dictionary<string, SimFolder>();
        foreach (var name in Sites)
        {
            var dc = new SimDatacenter(estate.NextId("datacenter-"), name);
            estate.Datacenters.Add(dc);
            var vmFolder = new SimFolder(estate.NextId("group-v"), "vm", "VIRTUAL_MACHINE", dc.Id, null);
            vmRoot[dc.Id] = vmFolder;
            estate.Folders.Add(vmFolder);
            estate.Folders.Add(new SimFolder(estate.NextId("group-h"), "host", "HOST", dc.Id, null));
            estate.Folders.Add(new SimFolder(estate.NextId("group-s"), "datastore", "DATASTORE", dc.Id, null));
            estate.Folders.Add(new SimFolder(estate.NextId("group-n"), "network", "NETWORK", dc.Id, null));
        }

        // Cluster i: datacenter alternates Visby, Slite, Visby...; the first two are production.
        for (var i = 0; i < Math.Max(1, clusters); i++)
        {
            var dc = estate.Datacenters[i % 2];
            var site = dc.Name == "DC-Visby" ? "Visby" : "Slite";
            var kind = i < 2 ? "Prod" : "Test";
            var number = (i / 2) + 1;
            var cluster = new SimCluster(estate.NextId("domain-c"), number > 1 && kind == "Test" ? $"{site}-{kind}{number}" : $"{site}-{kind}", dc.Id, true, true);
            estate.Clusters.Add(cluster);
            var prefix = dc.Name == "DC-Visby" ? "vsby" : "slte";
            for (var h = 1; h <= hostsPerCluster; h++)
            {
                estate.Hosts.Add(new SimHost(estate.NextId("host-"), $"esx{i + 1:00}{h:00}.{prefix}.region.local", dc.Id, cluster.Id));
            }

            for (var d = 1; d <= 4; d++)
            {
                var capacity = (long)random.Next(8, 33) * 1024 * 1024 * 1024 * 1024 / 4;
                estate.Datastores.Add(new SimDatastore(
                    estate.NextId("datastore-"), $"{prefix}-{kind.ToLowerInvariant()}{number}-ds{d:00}", dc.Id,
                    d == 4 ? "NFS" : "VMFS", capacity, capacity / random.Next(3, 8)));
            }
        }

        // Tags.
        var systemCategory = new SimTagCategory(CategoryUrn(random), "System", "SINGLE");
        var forvCategory = new SimTagCategory(CategoryUrn(random), "Förvaltning", "SINGLE");
        var envCategory = new SimTagCategory(CategoryUrn(random), "Miljö", "SINGLE");
        estate.Categories.AddRange([systemCategory, forvCategory, envCategory]);
        var systemTags = Systems.ToDictionary(s => s.Name, s => new SimTag(TagUrn(random), systemCategory.Id, s.Name));
        var forvTags = Forvaltningar.ToDictionary(f => f.Code, f => new SimTag(TagUrn(random), forvCategory.Id, f.Name));
        var envTags = Environments.ToDictionary(e => e, e => new SimTag(TagUrn(random), envCategory.Id, e));
        estate.Tags.AddRange(systemTags.Values);
        estate.Tags.AddRange(forvTags.Values);
        estate.Tags.AddRange(envTags.Values);

        // Folders /DC/vm/<förvaltning>/<system>, made when first needed; "Övrigt" for the unmapped.
        var folderCache = new Dictionary<(string Dc, string? Parent, string Name), SimFolder>();
        SimFolder Folder(string dcId, SimFolder parent, string name)
        {
            if (!folderCache.TryGetValue((dcId, parent.Id, name), out var folder))
            {
                folder = new SimFolder(estate.NextId("group-v"), name, "VIRTUAL_MACHINE", dcId, parent.Id);
                folderCache[(dcId, parent.Id, name)] = folder;
                estate.Folders.Add(folder);
            }

            return folder;
        }

        var totalWeight = Systems.Sum(s => s.Weight);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vms; i++)
        {
            (string Name, string Forvaltning, int Weight)? system = random.NextDouble() < 0.9 ? Pick(random, Systems, totalWeight) : null;
            var env = random.NextDouble() switch { < 0.65 => "Produktion", < 0.9 => "Test", _ => "Utveckling" };
            var prodClusters = estate.Clusters.Take(Math.Min(2, estate.Clusters.Count)).ToList();
            var testClusters = estate.Clusters.Skip(2).ToList();
            var cluster = env == "Produktion" || testClusters.Count == 0
                ? prodClusters[(system?.Name.Length ?? i) % prodClusters.Count]
                : testClusters[random.Next(testClusters.Count)];
            var hosts = estate.Hosts.Where(h => h.ClusterId == cluster.Id).ToList();
            var host = hosts[random.Next(hosts.Count)];
            var dc = estate.Datacenters.First(d => d.Id == cluster.DatacenterId);
            var site = dc.Name == "DC-Visby" ? "vsby" : "slte";

            var forvCode = system?.Forvaltning ?? (random.NextDouble() < 0.5 ? Forvaltningar[random.Next(Forvaltningar.Count)].Code : null);
            var folder = system is { } s
                ? Folder(dc.Id, Folder(dc.Id, vmRoot[dc.Id], s.Forvaltning), s.Name)
                : Folder(dc.Id, vmRoot[dc.Id], "Övrigt");

            var slug = system is { } sys ? Slug(sys.Name) : "srv";
            var role = Roles[random.Next(Roles.Length)];
            var envPart = env switch { "Test" => "t", "Utveckling" => "u", _ => "" };
            var stem = $"{site}-{slug}-{envPart}{role}";
            names[stem] = names.GetValueOrDefault(stem) + 1;
            var name = $"{stem}{names[stem]:00}";

            var os = Pick(random, GuestOses, GuestOses.Sum(g => g.Weight));
            var power = random.NextDouble() switch { < 0.07 => "POWERED_OFF", < 0.08 => "SUSPENDED", _ => "POWERED_ON" };
            var tools = power == "POWERED_ON" && random.NextDouble() >= 0.05;
            var cpu = CpuCounts[random.Next(CpuCounts.Length)];
            var memory = MemorySizes[random.Next(MemorySizes.Length)];
            var id = estate.NextId("vm-");
            var datastores = estate.Datastores.Where(d => d.DatacenterId == dc.Id).ToList();
            var ds = datastores[random.Next(datastores.Count)];
            var disks = Enumerable.Range(0, random.Next(1, 5)).Select(d => new SimDisk(
                (2000 + d).ToString(CultureInfo.InvariantCulture),
                $"Hard disk {d + 1}",
                (long)(d == 0 ? random.Next(40, 121) : random.Next(20, 501)) * 1024 * 1024 * 1024,
                d == 0 ? $"[{ds.Name}] {name}/{name}.vmdk" : $"[{ds.Name}] {name}/{name}_{d}.vmdk")).ToList();
            var networkNumber = random.Next(10, 60);
            var nics = Enumerable.Range(0, random.NextDouble() < 0.15 ? 2 : 1).Select(n => new SimNic(
                (4000 + n).ToString(CultureInfo.InvariantCulture),
                $"Network adapter {n + 1}",
                $"00:50:56:{random.Next(256):x2}:{random.Next(256):x2}:{random.Next(256):x2}",
                // One port group per VLAN and environment, as its name says (a port group has one name).
                $"dvportgroup-{networkNumber + n + (env == "Produktion" ? 0 : 100)}",
                $"VLAN{networkNumber + n}-{(env == "Produktion" ? "Prod" : "Test")}")).ToList();

            var vm = new SimVm
            {
                Id = id,
                Name = name,
                HostId = host.Id,
                FolderId = folder.Id,
                PowerState = power,
                CpuCount = cpu,
                CoresPerSocket = cpu >= 8 ? 2 : 1,
                MemoryMib = memory,
                GuestOs = os.Enum,
                GuestFullName = os.FullName,
                GuestFamily = os.Family,
                HostName = os.Family == "WINDOWS" ? name.ToUpperInvariant() : name + ".region.local",
                IpAddress = $"10.{(site == "vsby" ? 10 : 20)}.{networkNumber}.{random.Next(2, 254)}",
                ToolsRunning = tools,
                HardwareVersion = HardwareVersions[random.Next(HardwareVersions.Length)],
                InstanceUuid = Uuid(random),
                BiosUuid = Uuid(random),
                Disks = disks,
                Nics = nics,
            };
            estate.AddVm(vm);

            if (system is { } tagged)
            {
                estate.Attach(systemTags[tagged.Name].Id, id);
            }

            if (forvCode is not null)
            {
                estate.Attach(forvTags[forvCode].Id, id);
            }

            estate.Attach(envTags[env].Id, id);
        }

        // Utilisation from its own random stream, so the estate above stays what the seed always gave.
        var load = new Random(seed + 7919);
        foreach (var vm in estate.Vms)
        {
            // Most servers idle along (a region's typical 5–25 % CPU); a few are busy.
            var cpu = load.NextDouble() < 0.1 ? load.Next(40, 95) : load.Next(2, 30);
            var memory = load.Next(20, 90);
            estate.UpdateVm(vm.Id, v => v with { CpuUsagePercent = cpu, MemoryUsagePercent = memory });
        }

        return estate;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, int totalWeight)
        where T : struct, System.Runtime.CompilerServices.ITuple
    {
        var roll = random.Next(totalWeight);
        foreach (var item in items)
        {
            roll -= (int)item[item.Length - 1]!;
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static string Slug(string name)
    {
        var first = name.Split(' ', '-')[0].ToLowerInvariant()
            .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e');
        return new string([.. first.Where(char.IsAsciiLetterOrDigit)]);
    }

    private static string Uuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string CategoryUrn(Random random) => $"urn:vmomi:InventoryServiceCategory:{Uuid(random)}:GLOBAL";

    private static string TagUrn(Random random) => $"urn:vmomi:InventoryServiceTag:{Uuid(random)}:GLOBAL";
}
