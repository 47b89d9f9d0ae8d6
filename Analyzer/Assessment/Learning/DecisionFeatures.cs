using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>
/// The numeric features the model learns from: the same facts the rules score (classification,
/// personal data, flags, SaaS, integrations, lifecycle, OS support, size, drift hours, contract
/// window) plus the gate's verdict per destination, so the model need not rediscover the law.
/// Unknown values are −1 (trees split them off). Changing the list changes <see cref="SchemaVersion"/>;
/// a stored model with another version must be retrained.
/// </summary>
public static class DecisionFeatures
{
    public const int SchemaVersion = 1;

    public static IReadOnlyList<string> Names { get; } =
    [
        "k", "r", "t", "personalData", "securityClassified", "medicalDevice", "requiresOffline", "inHouseBuilt",
        "saasAvailable", "integrations", "availabilityNeed", "lifecycle", "worstOsSupport", "vmCount",
        "physicalHostCount", "cloudResourceCount", "log10StorageGib", "driftHours", "monthsToContractEnd",
        "gateInHouse", "gateSwedishManaged", "gatePublicCloud", "gateSaas", "gateRetire",
    ];

    public static int Count => Names.Count;

    public static float[] From(Workload workload, WorkloadAssessment assessment, DateOnly today)
    {
        static float Flag(bool? value) => value is null ? -1 : value.Value ? 1 : 0;

        var worst = -1;
        double storage = 0;
        foreach (var resource in workload.Resources)
        {
            storage += (double)resource.StorageGib;
            if (resource.Support != SupportStatus.Unknown)
            {
                worst = Math.Max(worst, (int)resource.Support);
            }
        }

        var months = workload.ContractEnd is { } end
            ? ((end.Year - today.Year) * 12) + end.Month - today.Month
            : 999;

        var features = new float[Count];
        var i = 0;
        features[i++] = workload.Confidentiality ?? -1;
        features[i++] = workload.Integrity ?? -1;
        features[i++] = workload.Availability ?? -1;
        features[i++] = workload.PersonalData == PersonalDataCategory.Unknown ? -1 : (int)workload.PersonalData;
        features[i++] = Flag(workload.SecurityClassified);
        features[i++] = Flag(workload.MedicalDeviceDependency);
        features[i++] = Flag(workload.RequiresOffline);
        features[i++] = Flag(workload.InHouseBuilt);
        features[i++] = workload.SaasAvailable switch { Tristate.Yes => 1, Tristate.No => 0, _ => -1 };
        features[i++] = workload.IntegrationCount ?? -1;
        features[i++] = workload.AvailabilityNeed == AvailabilityNeed.Unknown ? -1 : (int)workload.AvailabilityNeed;
        features[i++] = (int)workload.Lifecycle;
        features[i++] = worst;
        features[i++] = assessment.Effort.VmCount;
        features[i++] = assessment.Effort.PhysicalHostCount;
        features[i++] = assessment.Effort.CloudResourceCount;
        features[i++] = (float)Math.Log10(1 + storage);
        features[i++] = (float)assessment.Effort.ModelHours;
        features[i++] = months;
        foreach (var gate in assessment.Gate.Destinations)
        {
            features[i++] = (int)gate.Verdict;
        }

        return features;
    }
}
