using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Assessment;

/// <summary>Resolves the assessment's services for the CLI, creating the store and jobs when DI does not register them.</summary>
internal static class AssessmentServices
{
    public static AssessmentStore Store(IServiceProvider services) =>
        services.GetService<AssessmentStore>() ?? ActivatorUtilities.CreateInstance<AssessmentStore>(services);

    public static CurrentAssessment Current(IServiceProvider services) =>
        services.GetService<CurrentAssessment>()
        ?? new CurrentAssessment(Store(services), services.GetService<AnalyzeJob>() ?? ActivatorUtilities.CreateInstance<AnalyzeJob>(services, WorkloadSource(services), Store(services)));

    public static IWorkloadSource WorkloadSource(IServiceProvider services) =>
        services.GetService<IWorkloadSource>()
        ?? throw new UsageException("No workload source is registered (IWorkloadSource): the workload store must be set up first.");
}
