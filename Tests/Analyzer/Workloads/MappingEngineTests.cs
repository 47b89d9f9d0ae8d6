using Sourcing.Analyzer.Workloads.Mapping;

namespace Sourcing.Tests.Analyzer.Workloads;

public sealed class MappingEngineTests
{
    private static MappingResource Vm(long id, Dictionary<string, string>? tags = null, string source = "vsphere", string name = "srv", string? folder = null, string? rg = null, int cpu = 2, decimal storage = 100) =>
        new(id, source, "vm", name, folder, rg, tags ?? [], cpu, storage);

    private static IReadOnlyList<MappingRule> Defaults() => [.. DefaultMappingRules.All.Select((r, i) => r with { Id = i + 1 })];

    [Fact]
    public void Apply_DefaultRules_NameSystemAndDepartmentFromTags()
    {
        var engine = new MappingEngine(Defaults());
        var result = engine.Apply(
        [
            Vm(1, new() { ["System"] = "Cosmic", ["Förvaltning"] = "Hälso- och sjukvårdsförvaltningen", ["Miljö"] = "Produktion" }),
            Vm(2, new() { ["system"] = "Procapita", ["förvaltning"] = "Socialförvaltningen" }, source: "azure"),
            Vm(3, new() { ["Miljö"] = "Test" }),
            Vm(4, new() { ["System"] = "Cosmic" }, source: "azure"), // a vSphere-style tag on Azure is still the Azure rule's key
        ], new HashSet<long>());

        Assert.Equal(3, result.Assignments.Count);
        var first = result.Assignments.Single(a => a.ResourceId == 1);
        Assert.Equal(("Cosmic", "Hälso- och sjukvårdsförvaltningen", 1L), (first.Workload, first.Department, first.RuleId));
        var azure = result.Assignments.Single(a => a.ResourceId == 2);
        Assert.Equal(("Procapita", "Socialförvaltningen", 2L), (azure.Workload, azure.Department, azure.RuleId));
        Assert.Null(result.Assignments.Single(a => a.ResourceId == 4).Department);
        Assert.Equal([3L], result.Unmatched);
        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void Apply_TwoRulesDisagree_FirstWinsAndConflictListed()
    {
        var rules = new List<MappingRule>(Defaults())
        {
            new() { Id = 7, Position = 5, Kind = MappingRuleKind.NamePattern, MatchRegex = "^lab-", TargetWorkload = "Labbmiljö" },
        };
        var result = new MappingEngine(rules).Apply(
        [
            Vm(1, new() { ["System"] = "Cosmic" }, name: "lab-cosmic01"),
            Vm(2, new() { ["System"] = "Cosmic" }, name: "cosmic02"),
        ], new HashSet<long>());

        Assert.Equal("Labbmiljö", result.Assignments.Single(a => a.ResourceId == 1).Workload); // position 5 runs before 10
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(1, conflict.ResourceId);
        Assert.Equal([7L, 1L], conflict.RuleIds);
        Assert.Equal(["Labbmiljö", "Cosmic"], conflict.Workloads);
    }

    [Fact]
    public void Apply_TwoSystemTagsOnOneVm_IsAConflict()
    {
        var result = new MappingEngine(Defaults()).Apply([Vm(1, new() { ["System"] = "Cosmic; Melior" })], new HashSet<long>());

        Assert.Equal("Cosmic", Assert.Single(result.Assignments).Workload);
        Assert.Equal(["Cosmic", "Melior"], Assert.Single(result.Conflicts).Workloads);
    }

    [Fact]
    public void Apply_HandAssigned_IsNeitherAssignedNorUnmatched()
    {
        var result = new MappingEngine(Defaults()).Apply([Vm(1, new() { ["System"] = "Cosmic" }), Vm(2)], new HashSet<long> { 1, 2 });

        Assert.Empty(result.Assignments);
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void Apply_FolderResourceGroupAndNameRules_ResolveDynamicNames()
    {
        MappingRule[] rules =
        [
            new() { Id = 1, Position = 1, Kind = MappingRuleKind.FolderPath, MatchValue = "/Region/vm/HSF", TargetDepartment = "Hälso- och sjukvårdsförvaltningen" },
            new() { Id = 2, Position = 2, Kind = MappingRuleKind.ResourceGroup, MatchRegex = "^rg-(?<workload>[a-z]+)-prod$" },
            new() { Id = 3, Position = 3, Kind = MappingRuleKind.NamePattern, MatchRegex = "^([a-z]+)-db\\d+$" },
            new() { Id = 4, Position = 4, Kind = MappingRuleKind.VsphereTag, MatchKey = "Miljö", MatchValue = "Test", TargetWorkload = "Testmiljöer", Enabled = false },
        ];
        var result = new MappingEngine(rules).Apply(
        [
            Vm(1, folder: "/Region/vm/HSF/Cosmic/db"),
            Vm(2, source: "azure", rg: "rg-lifecare-prod"),
            Vm(3, name: "raindance-db01"),
            Vm(4, new() { ["Miljö"] = "Test" }),
            Vm(5, folder: "/Region/vm/HSFX/Other"),
        ], new HashSet<long>());

        Assert.Equal(("Cosmic", "Hälso- och sjukvårdsförvaltningen"), result.Assignments.Where(a => a.ResourceId == 1).Select(a => (a.Workload, a.Department)).Single());
        Assert.Equal("lifecare", result.Assignments.Single(a => a.ResourceId == 2).Workload);
        Assert.Equal("raindance", result.Assignments.Single(a => a.ResourceId == 3).Workload);
        Assert.Equal([4L, 5L], result.Unmatched); // rule 4 is disabled; /HSFX is not below /HSF
    }

    [Fact]
    public void Constructor_NameRuleWithoutGroupOrTarget_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new MappingEngine([new MappingRule { Id = 9, Kind = MappingRuleKind.NamePattern, MatchRegex = "^x" }]));
        Assert.Contains("Mapping rule 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_CountsVmsVcpuAndStorage()
    {
        MappingResource[] resources =
        [
            Vm(1, cpu: 4, storage: 100), Vm(2, cpu: 2, storage: 300), Vm(3, cpu: 2, storage: 100),
            new(4, "azure", "cloud", "sql", null, null, new Dictionary<string, string>(), 0, 50),
        ];

        var coverage = MappingCoverage.Compute(resources, new HashSet<long> { 1, 4 });

        Assert.Equal((3, 1), (coverage.Vms, coverage.MappedVms));
        Assert.Equal(1.0 / 3, coverage.VmShare, 6);
        Assert.Equal(0.5, coverage.VcpuShare, 6);
        Assert.Equal(0.2, coverage.StorageShare, 6);
    }
}
