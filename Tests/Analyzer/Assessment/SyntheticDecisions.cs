using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment.Learning;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Tests.Analyzer.Assessment;

/// <summary>
/// Decisions drawn from a known hidden practice plus noise, for the learning tests and the
/// benchmark. The hidden practice is not the rule engine's: e.g. this region sends large estates
/// to Swedish managed hosting and its own small custom builds to public cloud.
/// </summary>
public static class SyntheticDecisions
{
    public static readonly DateOnly DecidedOn = new(2026, 1, 15);

    public static Workload RandomWorkload(Random random, long id, int maxK = 3)
    {
        var vms = random.Next(1, 8);
        var old = random.NextDouble() < 0.3;
        return new Workload
        {
            Id = id,
            Name = "Syntetiskt " + id,
            Confidentiality = random.Next(0, maxK + 1),
            Integrity = random.Next(0, 4),
            Availability = random.Next(0, 3),
            SecurityClassified = false,
            PersonalData = random.NextDouble() < 0.5 ? PersonalDataCategory.None : PersonalDataCategory.Ordinary,
            AvailabilityNeed = (AvailabilityNeed)random.Next(1, 4),
            MedicalDeviceDependency = false,
            RequiresOffline = false,
            InHouseBuilt = random.NextDouble() < 0.4,
            SaasAvailable = random.NextDouble() < 0.4 ? Tristate.Yes : Tristate.No,
            IntegrationCount = random.Next(0, 16),
            ContractEnd = DecidedOn.AddMonths(random.Next(-6, 60)),
            Lifecycle = LifecycleState.InUse,
            Resources = Enumerable.Range(0, vms)
                .Select(i => new WorkloadResource(id * 100 + i, "vm", $"vm-{id}-{i}", "windows", old ? "2012" : "2022",
                    old ? SupportStatus.Unsupported : SupportStatus.Supported, 4, 8192, random.Next(50, 2000), false, false))
                .ToList(),
        };
    }

    /// <summary>The region's hidden practice.</summary>
    public static Destination HiddenRule(Workload w) =>
        w.Confidentiality >= 3 ? Destination.InHouse
        : w.SaasAvailable == Tristate.Yes && w.IntegrationCount <= 8 ? Destination.Saas
        : w.InHouseBuilt == true && w.Confidentiality <= 1 ? Destination.PublicCloud
        : w.Resources.Count >= 4 ? Destination.SwedishManaged
        : Destination.InHouse;

    public static List<Decision> FromHiddenRule(int count, double noise, int seed)
    {
        var random = new Random(seed);
        var hosting = new[] { Destination.InHouse, Destination.SwedishManaged, Destination.PublicCloud, Destination.Saas };
        return Enumerable.Range(1, count).Select(i =>
        {
            var workload = RandomWorkload(random, i);
            var chosen = random.NextDouble() < noise ? hosting[random.Next(hosting.Length)] : HiddenRule(workload);
            return new Decision(workload, chosen, "syntetiskt", DecidedOn);
        }).ToList();
    }

    /// <summary>Labels independent of the features: nothing to learn, only to memorise.</summary>
    public static List<Decision> WithRandomLabels(int count, int seed)
    {
        var random = new Random(seed);
        var choices = new[] { Destination.InHouse, Destination.SwedishManaged, Destination.PublicCloud };
        return Enumerable.Range(1, count)
            .Select(i => new Decision(RandomWorkload(random, i, maxK: 1), choices[random.Next(choices.Length)], "slump", DecidedOn))
            .ToList();
    }
}
