using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Workloads;

/// <summary>`sourcing map`: re-applies the mapping rules now and prints the coverage.</summary>
public sealed class MapCommand(MappingJob mapping, WorkloadStore workloads) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<MapCommand>(
        ["map"],
        "Kör kopplingsreglerna nu (servrar → system) och skriver ut täckningen.");

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var summary = await mapping.RunAsync(cancellationToken);
        var coverage = await workloads.CoverageAsync(cancellationToken);
        output.WriteLine($"{summary.Assigned} resurser kopplade av regler ({summary.Changed} ändrade), {summary.HandKept} för hand, " +
            $"{summary.Unmatched} utan system, {summary.Conflicts} konflikter, {summary.WorkloadsCreated} nya system.");
        output.WriteLine($"Täckning: {coverage.VmShare:P0} av VM ({coverage.MappedVms} av {coverage.Vms}), {coverage.VcpuShare:P0} av vCPU, {coverage.StorageShare:P0} av lagringen.");
        return 0;
    }
}
