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
internal sealed class DecideCommand(IWorkloadSource workloadSource, AssessmentStore store, CurrentAssessment current, TimeProvider time) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<DecideCommand>(
        ["decide"],
        "Registrerar ett beslut för ett system, med vad reglerna rekommenderar nu.",
        CliParameter.Argument("WORKLOAD", "Systemets id."),
        CliParameter.Value("destination", "InHouse|SwedishManaged|PublicCloud|Saas|Retire", "Beslutad placering.", required: true),
        CliParameter.Value("reason", "TEXT", "Motivering.", required: true),
        CliParameter.Value("by", "NAME", "Vem som beslutade (standard: inloggad användare)."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var idText = args.Argument(0, "WORKLOAD (systemets id)");
        var destinationText = args.Required("destination");
        var reason = args.Required("reason");
        var by = args.Option("by") ?? Environment.UserName;
        if (!long.TryParse(idText, out var workloadId))
        {
            throw new UsageException("WORKLOAD måste vara ett systems id (ett tal).");
        }

        if (!Enum.TryParse<Destination>(destinationText, ignoreCase: true, out var destination) || !Enum.IsDefined(destination))
        {
            throw new UsageException("--destination måste vara en av " + string.Join(", ", Enum.GetNames<Destination>()) + ".");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UsageException("--reason måste säga varför.");
        }

        var workload = await workloadSource.GetWorkloadAsync(workloadId, cancellationToken);
        if (workload is null)
        {
            await output.WriteLineAsync($"No system with id {workloadId}.");
            return 2;
        }

        // The recommendation at the time: run the analysis now (over the whole estate, so the hours
        // are calibrated as everywhere else, and stored, so the pages show the same), rather than
        // trust a stored result that may predate edits to the system.
        var report = await current.RefreshAsync(cancellationToken);
        var assessment = report.Workloads.First(w => w.WorkloadId == workloadId);
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
