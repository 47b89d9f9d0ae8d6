using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Hours per year a system costs in drift today: VMs and physical servers at the staffing ratios
/// of <see cref="EffortParameters"/>, times multipliers for 24×7, OS heterogeneity, unsupported OS
/// and medical-device adjacency (research/domain.md §1.1 "Model guidance"). The ratios are
/// industry averages, so <see cref="Calibrate"/> scales the whole estate to the FTE the region
/// actually has.
/// </summary>
public static class DriftEffortModel
{
    private const string VmKind = "vm";

    public static DriftEffort Estimate(Workload workload, EffortParameters parameters) =>
        Estimate(workload, parameters, new EffortMultipliers(parameters)).ToEffort(workload.Id, calibrationFactor: 1.0);

    /// <summary>The estimate with the multiplier lists shared across one run (see <see cref="EffortMultipliers"/>).</summary>
    internal static EffortEstimate Estimate(Workload workload, EffortParameters parameters, EffortMultipliers multipliers)
    {
        int vms = 0, hosts = 0, cloud = 0;
        var unsupported = false;
        WorkloadResource? firstOs = null;
        var heterogeneous = false;

        // Indexed, not foreach: enumerating an IReadOnlyList through the interface allocates an
        // enumerator, once per system.
        var resources = workload.Resources;
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i];
            if (resource.IsPhysicalHost)
            {
                hosts++;
            }
            else if (string.Equals(resource.Kind, VmKind, StringComparison.OrdinalIgnoreCase))
            {
                vms++;
            }
            else if (resource.IsCloud)
            {
                cloud++;
            }
            else
            {
                // Datastores, clusters, folders: their effort is in the hosts and VMs.
                continue;
            }

            unsupported |= resource.Support == SupportStatus.Unsupported;
            if (resource.OsFamily is not null)
            {
                if (firstOs is null)
                {
                    firstOs = resource;
                }
                else if (!SameOs(firstOs, resource))
                {
                    heterogeneous = true;
                }
            }
        }

        var hoursPerVm = parameters.ProductiveHoursPerFte / parameters.VmsPerFte;
        var hoursPerHost = parameters.ProductiveHoursPerFte / parameters.PhysicalServersPerFte;
        var baseHours = (vms + (cloud * parameters.CloudResourceVmEquivalent)) * hoursPerVm + (hosts * hoursPerHost);

        var mask = (workload.AvailabilityNeed == AvailabilityNeed.TwentyFourSeven ? EffortMultipliers.TwentyFourSeven : 0)
            | (heterogeneous ? EffortMultipliers.Heterogeneous : 0)
            | (unsupported ? EffortMultipliers.Unsupported : 0)
            | (workload.MedicalDeviceDependency == true ? EffortMultipliers.MedicalDevice : 0);
        var (multiplier, factors) = multipliers.For(mask);

        return new EffortEstimate(vms, hosts, cloud, baseHours, multiplier, factors, baseHours * multiplier);
    }

    /// <summary>
    /// Whether two resources have the same OS, compared as the text "family version" ignoring case.
    /// Compared in two parts where the families have the same length (then the space falls at the
    /// same place, so the parts decide); otherwise the texts are built, which is rare.
    /// </summary>
    private static bool SameOs(WorkloadResource a, WorkloadResource b)
    {
        var familyA = a.OsFamily!;
        var familyB = b.OsFamily!;
        if (familyA.Length == familyB.Length)
        {
            return string.Equals(familyA, familyB, StringComparison.OrdinalIgnoreCase)
                && string.Equals(a.OsVersion ?? "", b.OsVersion ?? "", StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(familyA + " " + a.OsVersion, familyB + " " + b.OsVersion, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Scales the model so the total equals <see cref="EffortParameters.StatedDriftFte"/> × productive
    /// hours. Returns the factor and the efforts with <see cref="DriftEffort.Hours"/> scaled.
    /// </summary>
    public static (EffortCalibration Calibration, IReadOnlyList<DriftEffort> Efforts) Calibrate(
        IReadOnlyList<DriftEffort> efforts, EffortParameters parameters)
    {
        var calibration = CalibrationFor(efforts.Sum(e => e.ModelHours), parameters);
        if (calibration.Factor == 1.0)
        {
            return (calibration, efforts);
        }

        return (calibration, efforts.Select(e => e with { Hours = e.ModelHours * calibration.Factor }).ToList());
    }

    public static EffortCalibration CalibrationFor(double modelHours, EffortParameters parameters)
    {
        var modelFte = modelHours / parameters.ProductiveHoursPerFte;
        if (parameters.StatedDriftFte is not { } stated || modelHours <= 0)
        {
            return new EffortCalibration(1.0, parameters.StatedDriftFte, modelFte, modelHours, modelHours);
        }

        var target = stated * parameters.ProductiveHoursPerFte;
        return new EffortCalibration(target / modelHours, stated, modelFte, modelHours, target);
    }
}
