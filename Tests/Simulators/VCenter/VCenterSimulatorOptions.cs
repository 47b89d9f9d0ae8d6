namespace Sourcing.Tests.Simulators.VCenter;

/// <summary>How to start a simulated vCenter. Faults can also be switched later through <see cref="VCenterSimulator.Faults"/>.</summary>
public sealed record VCenterSimulatorOptions
{
    public int Vms { get; init; } = 1500;
    public int Seed { get; init; } = 42;
    public int Clusters { get; init; } = 3;
    public int HostsPerCluster { get; init; } = 6;
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }
    public int LatencyMs { get; init; }
    public string Username { get; init; } = "administrator@vsphere.local";
    public string Password { get; init; } = "Sim-Passw0rd!";
    /// <summary>GET /api/vcenter/vm fails beyond this many matches (vCenter: 4000).</summary>
    public int VmListCap { get; init; } = VCenterFaults.DefaultVmListCap;
    /// <summary>Only /rest answers; /api gives 404, as on vCenter 6.5–7.0 U1.</summary>
    public bool ApiDisabled { get; init; }
    /// <summary>A session answers 401 after this many calls with it.</summary>
    public int? SessionExpiresAfterCalls { get; init; }
    /// <summary>
    /// The vCenter version its ServiceInstance about announces ("7.0.3": no VI/JSON, only /api and /rest;
    /// "8.0.1" and later also serve VI/JSON at /sdk/vim25/{release}).
    /// </summary>
    public string Version { get; init; } = "7.0.3";
    /// <summary>Most objects one RetrievePropertiesEx page holds, whatever maxObjects asks.</summary>
    public int ViJsonMaxObjects { get; init; } = 1000;
    /// <summary>What the vCenter keeps of past statistics (VI/JSON PerformanceManager): a month of 2-hour samples, or not.</summary>
    public VCenterStatistics Statistics { get; init; } = VCenterStatistics.Kept;
    /// <summary>vpxd.stats.maxQueryMetrics: metrics one historical QueryPerf may ask for (vCenter's default 256).</summary>
    public int MaxQueryMetrics { get; init; } = 256;
    /// <summary>Use this estate instead of generating one.</summary>
    public VCenterEstate? Estate { get; init; }
}

/// <summary>The simulated vCenter's statistics settings.</summary>
public enum VCenterStatistics
{
    /// <summary>The past-month interval (7200 s) is enabled at level 1: cpu.usage.average and mem.usage.average are kept.</summary>
    Kept,
    /// <summary>The past-month interval is switched off (historicalInterval says enabled: false).</summary>
    PastMonthDisabled,
    /// <summary>The past-month interval's level collects neither counter (QueryPerfCounterByLevel answers without them).</summary>
    LevelTooLow,
}
