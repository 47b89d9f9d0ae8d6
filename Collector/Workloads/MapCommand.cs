using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Workloads;

/// <summary>`sourcing map`: re-applies the mapping rules now and prints the coverage.</summary>
public sealed class MapCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["map"];

    public string Usage => "map   (kör kopplingsreglerna nu: servrar → system)";

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        args.EnsureNoUnknownOptions();
        var summary = await ActivatorUtilities.CreateInstance<MappingJob>(services).RunAsync(cancellationToken);
        var coverage = await ActivatorUtilities.CreateInstance<WorkloadStore>(services).CoverageAsync(cancellationToken);
        output.WriteLine($"{summary.Assigned} resurser kopplade av regler ({summary.Changed} ändrade), {summary.HandKept} för hand, " +
            $"{summary.Unmatched} utan system, {summary.Conflicts} konflikter, {summary.WorkloadsCreated} nya system.");
        output.WriteLine($"Täckning: {coverage.VmShare:P0} av VM ({coverage.MappedVms} av {coverage.Vms}), {coverage.VcpuShare:P0} av vCPU, {coverage.StorageShare:P0} av lagringen.");
        return 0;
    }
}
