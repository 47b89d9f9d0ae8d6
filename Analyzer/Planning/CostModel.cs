namespace Sourcing.Analyzer.Planning;

/// <summary>
/// The in-house cost pools year by year, for continuing as today and for the scenario. Pools are
/// in fixed prices (no index), calibrated to what the region says it pays. What stops when a
/// system leaves depends on the pool's behaviour and on where the system goes:
/// <list type="bullet">
/// <item>variable pools stop from the move's date (pro rata in its first year); OS and database
/// licences stay when the region keeps them (managed operation, cloud with Hybrid Benefit);
/// security tooling stays in IaaS; the system's own licence stops only for SaaS and retire;</item>
/// <item>virtualisation and data-centre share follow the hosts a cluster still needs from the
/// 1 January after a move (consolidation at the yearly renewal); hardware and storage are bought
/// only at the cluster's refresh, for what is then still needed;</item>
/// <item>facilities stay (kvarstående kostnad).</item>
/// </list>
/// </summary>
internal static class CostModel
{
    /// <summary>vCPU per physical core when a cluster's hosts are not listed (a common consolidation ratio).</summary>
    internal const double VcpuPerCore = 4;

    private static readonly int PoolCount = CostPools.All.Count;

    internal sealed record Result(double[,] Baseline, double[,] Scenario, IReadOnlyList<PoolCalibration> Calibration);

    public static Result Run(CompiledPlan plan, PlanningAssumptions a, int horizon)
    {
        var today = plan.Today;
        var clusters = plan.Clusters;
        var hostsToday = new double[clusters.Count];
        var coresPerHost = new double[clusters.Count];
        var refreshYear = new int[clusters.Count];
        for (var c = 0; c < clusters.Count; c++)
        {
            var cluster = clusters[c];
            coresPerHost[c] = cluster.Physical ? 0 : cluster.CoresPerHost ?? a.DefaultHostCores;
            hostsToday[c] = cluster.Derived
                ? Math.Ceiling(cluster.Vcpu / (a.DefaultHostCores * VcpuPerCore) - 1e-9)
                : cluster.Hosts;
            // Without a known refresh year, clusters are spread over the cycle from the year after the start.
            refreshYear[c] = cluster.RefreshYear ?? plan.Scenario.StartYear + 1 + c % a.RefreshYears;
        }

        // The model's own estimate of each pool today (drift staff is priced from FTE, not here).
        var estimate = new double[PoolCount];
        double allHosts = 0;
        for (var c = 0; c < clusters.Count; c++)
        {
            allHosts += hostsToday[c];
            estimate[(int)CostPool.Hardware] += hostsToday[c] * a.HostPriceSek / a.RefreshYears;
            estimate[(int)CostPool.Virtualisation] += hostsToday[c] * coresPerHost[c] * a.VirtualisationCore;
        }

        estimate[(int)CostPool.Storage] = today.InHouseTib * a.StorageTib;
        estimate[(int)CostPool.OsLicences] = today.WindowsCores * a.WindowsCore + today.RhelVms * a.RhelVm;
        estimate[(int)CostPool.DatabaseLicences] = today.WindowsVms * a.SqlShare * a.SqlVm;
        estimate[(int)CostPool.Backup] = today.InHouseTib * a.BackupTib;
        estimate[(int)CostPool.Security] = today.InHouseServers * a.SecurityServer;
        estimate[(int)CostPool.DataCentre] = allHosts * a.DataCentreHost;
        estimate[(int)CostPool.Facilities] = allHosts * a.FacilitiesHost;
        estimate[(int)CostPool.SystemLicences] = today.Licences;

        var (factor, unallocated, calibration) = Calibrate(plan.Estate.CostPools, estimate);

        var baseline = new double[PoolCount, horizon];
        var scenario = new double[PoolCount, horizon];
        for (var p = 1; p < PoolCount; p++)
        {
            for (var t = 0; t < horizon; t++)
            {
                baseline[p, t] = estimate[p] * factor[p] + unallocated[p];
            }
        }

        // Variable pools: what stops, per destination, from the move's date.
        var stopped = new double[PoolCount, horizon];
        foreach (var group in plan.Aggregates)
        {
            if (group.YearIndex >= horizon)
            {
                continue;
            }

            var leaves = group.Destination is Destination.Saas or Destination.Retire;
            var licencesStop = leaves || (group.Destination == Destination.PublicCloud && !a.HybridBenefit);
            for (var t = group.YearIndex; t < horizon; t++)
            {
                var share = t == group.YearIndex ? group.FirstYearFraction : 1.0;
                if (licencesStop)
                {
                    stopped[(int)CostPool.OsLicences, t] += share * (group.WindowsCores * a.WindowsCore + group.RhelVms * a.RhelVm);
                    stopped[(int)CostPool.DatabaseLicences, t] += share * group.WindowsVms * a.SqlShare * a.SqlVm;
                }

                // Backup moves with the server (the supplier's or the cloud's backup is in their price).
                stopped[(int)CostPool.Backup, t] += share * group.InHouseTib * a.BackupTib;
                if (group.Destination != Destination.PublicCloud)
                {
                    stopped[(int)CostPool.Security, t] += share * group.InHouseServers * a.SecurityServer;
                }

                if (leaves)
                {
                    stopped[(int)CostPool.SystemLicences, t] += share * group.Licences;
                }
            }
        }

        // Step pools: the vCPU and TiB still at home on 1 January of each year, cluster by cluster.
        var movedVcpu = new double[clusters.Count, horizon];
        var movedTib = new double[clusters.Count, horizon];
        foreach (var group in plan.Aggregates)
        {
            if (group.Destination == Destination.SwedishManaged && a.ManagedOwnHardware)
            {
                continue; // the supplier runs the region's own hosts: the platform stays
            }

            for (var t = Math.Max(0, group.StepYearIndex); t < horizon; t++)
            {
                foreach (var (c, vcpu) in group.ClusterVcpu)
                {
                    movedVcpu[c, t] += vcpu;
                }

                foreach (var (c, tib) in group.ClusterTib)
                {
                    movedTib[c, t] += tib;
                }
            }
        }

        var hardwarePaid = (double[])hostsToday.Clone();
        var storagePaid = new double[clusters.Count];
        for (var c = 0; c < clusters.Count; c++)
        {
            storagePaid[c] = clusters[c].Tib;
        }

        for (var t = 0; t < horizon; t++)
        {
            var year = plan.Scenario.StartYear + t;
            double hosts = 0, cores = 0, hardware = 0, storage = 0;
            for (var c = 0; c < clusters.Count; c++)
            {
                var remainingShare = clusters[c].Vcpu > 0 ? Math.Max(0, 1 - movedVcpu[c, t] / clusters[c].Vcpu) : 1;
                var needed = Math.Min(hostsToday[c], Math.Ceiling(hostsToday[c] * remainingShare - 1e-9));
                hosts += needed;
                cores += needed * coresPerHost[c];
                if (year >= refreshYear[c] && (year - refreshYear[c]) % a.RefreshYears == 0)
                {
                    hardwarePaid[c] = needed;
                    storagePaid[c] = Math.Max(0, clusters[c].Tib - movedTib[c, t]);
                }

                hardware += hardwarePaid[c] * a.HostPriceSek / a.RefreshYears;
                storage += storagePaid[c] * a.StorageTib;
            }

            scenario[(int)CostPool.Hardware, t] = hardware * factor[(int)CostPool.Hardware] + unallocated[(int)CostPool.Hardware];
            scenario[(int)CostPool.Storage, t] = storage * factor[(int)CostPool.Storage] + unallocated[(int)CostPool.Storage];
            scenario[(int)CostPool.Virtualisation, t] = cores * a.VirtualisationCore * factor[(int)CostPool.Virtualisation] + unallocated[(int)CostPool.Virtualisation];
            scenario[(int)CostPool.DataCentre, t] = hosts * a.DataCentreHost * factor[(int)CostPool.DataCentre] + unallocated[(int)CostPool.DataCentre];
            scenario[(int)CostPool.Facilities, t] = baseline[(int)CostPool.Facilities, t];
            foreach (var pool in (ReadOnlySpan<CostPool>)[CostPool.OsLicences, CostPool.DatabaseLicences, CostPool.Backup, CostPool.Security, CostPool.SystemLicences])
            {
                var p = (int)pool;
                scenario[p, t] = Math.Max(0, (estimate[p] - stopped[p, t]) * factor[p]) + unallocated[p];
            }
        }

        return new Result(baseline, scenario, calibration);
    }

    /// <summary>
    /// Scales each pool's estimate to the region's stated figure. A "total" figure scales every pool
    /// but drift staff by one factor; a pool's own figure wins over the total for that pool.
    /// </summary>
    private static (double[] Factor, double[] Unallocated, IReadOnlyList<PoolCalibration> Rows) Calibrate(
        IReadOnlyDictionary<string, double> stated, double[] estimate)
    {
        var factor = Enumerable.Repeat(1.0, PoolCount).ToArray();
        var unallocated = new double[PoolCount];
        var statedPerPool = new double?[PoolCount];
        foreach (var info in CostPools.All.Skip(1))
        {
            statedPerPool[(int)info.Pool] = stated.TryGetValue(info.Key, out var value) ? value : null;
        }

        if (stated.TryGetValue(CostPools.TotalKey, out var total))
        {
            double rest = total, restEstimate = 0;
            for (var p = 1; p < PoolCount; p++)
            {
                if (statedPerPool[p] is { } own)
                {
                    rest -= own;
                }
                else
                {
                    restEstimate += estimate[p];
                }
            }

            for (var p = 1; p < PoolCount; p++)
            {
                if (statedPerPool[p] is null && restEstimate > 0)
                {
                    statedPerPool[p] = Math.Max(0, rest) * estimate[p] / restEstimate;
                }
            }
        }

        var rows = new List<PoolCalibration>();
        foreach (var info in CostPools.All.Skip(1))
        {
            var p = (int)info.Pool;
            if (statedPerPool[p] is { } value)
            {
                if (estimate[p] > 0)
                {
                    factor[p] = value / estimate[p];
                }
                else
                {
                    unallocated[p] = value;
                }
            }

            rows.Add(new PoolCalibration(info.Key, info.Label, info.Behaviour, estimate[p], statedPerPool[p], factor[p], unallocated[p]));
        }

        return (factor, unallocated, rows);
    }
}
