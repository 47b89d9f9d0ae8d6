using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>
/// Where the forecast gets the region's estate: the workload, assessment, inventory and budget
/// tables in production (<see cref="EstateSource"/>), an estate file for `sourcing forecast
/// --estate`, a fake in tests.
/// </summary>
public interface IEstateSource
{
    Task<Estate> LoadAsync(CancellationToken cancellationToken);
}
