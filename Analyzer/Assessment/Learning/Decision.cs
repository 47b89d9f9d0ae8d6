using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>
/// A decision a sourcing manager recorded: the system as it was then, where it was decided to go
/// and why. <see cref="DecidedOn"/> is the "today" of its features (contract window).
/// </summary>
public sealed record Decision(Workload Workload, Destination Chosen, string Reason, DateOnly DecidedOn);
