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

    public static DriftEffort Estimate(Workload workload, EffortParameters parameters)
    {
        int vms = 0, hosts = 0, cloud = 0;
        var unsupported = false;
        string? firstOs = null;
        var heterogeneous = false;
        foreach (var resource in workload.Resources)
        {
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
                var os = resource.OsFamily + " " + resource.OsVersion;
                if (firstOs is null)
                {
                    firstOs = os;
                }
                else if (!string.Equals(firstOs, os, StringComparison.OrdinalIgnoreCase))
                {
                    heterogeneous = true;
                }
            }
        }

        var hoursPerVm = parameters.ProductiveHoursPerFte / parameters.VmsPerFte;
        var hoursPerHost = parameters.ProductiveHoursPerFte / parameters.PhysicalServersPerFte;
        var baseHours = (vms + (cloud * parameters.CloudResourceVmEquivalent)) * hoursPerVm + (hosts * hoursPerHost);

        List<FactorContribution>? multipliers = null;
        var multiplier = 1.0;
        void Apply(bool when, string id, string label, double factor)
        {
            if (when && factor != 1.0)
            {
                multiplier *= factor;
                (multipliers ??= new List<FactorContribution>(4)).Add(new FactorContribution(id, label, factor));
            }
        }

        Apply(workload.AvailabilityNeed == AvailabilityNeed.TwentyFourSeven, "effort-24x7", "Dygnet runt-beredskap", parameters.TwentyFourSevenMultiplier);
        Apply(heterogeneous, "effort-heterogeneous", "Flera olika operativsystem", parameters.HeterogeneityMultiplier);
        Apply(unsupported, "effort-unsupported-os", "Operativsystem utan support", parameters.UnsupportedOsMultiplier);
        Apply(workload.MedicalDeviceDependency == true, "effort-medical-device", "Nära medicinteknisk utrustning", parameters.MedicalDeviceMultiplier);

        var hours = baseHours * multiplier;
        return new DriftEffort(workload.Id, vms, hosts, cloud, baseHours, multiplier, (IReadOnlyList<FactorContribution>?)multipliers ?? [], hours, hours);
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
