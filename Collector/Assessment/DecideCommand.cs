using System.Globalization;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Assessment;

/// <summary>
/// `sourcing decide WORKLOAD --destination D --reason TEXT [--by NAME]`: records a decision with the
/// system as it is now and what the rules recommend for it, the material the model learns from.
/// Prints the recommendation and drift hours the system page and the list show for it.
/// </summary>
internal sealed class DecideCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["decide"];

    public string Usage => "decide WORKLOAD --destination InHouse|SwedishManaged|PublicCloud|Saas|Retire --reason TEXT [--by NAME]";

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var idText = args.Argument(0, "WORKLOAD (the system's id)");
        var destinationText = args.Required("destination");
        var reason = args.Required("reason");
        var by = args.Option("by") ?? Environment.UserName;
        args.EnsureNoUnknownOptions();
        if (!long.TryParse(idText, out var workloadId))
        {
            throw new UsageException("WORKLOAD must be a system id (a number).");
        }

        if (!Enum.TryParse<Destination>(destinationText, ignoreCase: true, out var destination) || !Enum.IsDefined(destination))
        {
            throw new UsageException("--destination must be one of " + string.Join(", ", Enum.GetNames<Destination>()) + ".");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UsageException("--reason must say why.");
        }

        var store = AssessmentServices.Store(services);
        var workload = await AssessmentServices.WorkloadSource(services).GetWorkloadAsync(workloadId, cancellationToken);
        if (workload is null)
        {
            await output.WriteLineAsync($"No system with id {workloadId}.");
            return 2;
        }

        // The recommendation at the time: run the analysis now (over the whole estate, so the hours
        // are calibrated as everywhere else, and stored, so the pages show the same), rather than
        // trust a stored result that may predate edits to the system.
        var report = await AssessmentServices.Current(services).RefreshAsync(cancellationToken);
        var assessment = report.Workloads.First(w => w.WorkloadId == workloadId);
        var time = (TimeProvider?)services.GetService(typeof(TimeProvider)) ?? TimeProvider.System;
        var id = await store.AddDecisionAsync(workload, destination, reason, by, time.GetUtcNow(), assessment.Recommendation, cancellationToken);

        var recommended = assessment.Recommendation.Destination?.ToString() ?? "underlag saknas";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Decision {id}: system {workloadId} → {destination} (rules recommend {recommended}; drift {assessment.DriftHours:F0} h/year)."));
        if (assessment.Gate.For(destination).Verdict == GateVerdict.Blocked)
        {
            await output.WriteLineAsync($"Warning: the rules block {destination} for this system (rule {assessment.Gate.For(destination).DecidingRuleId}).");
        }

        return 0;
    }
}
