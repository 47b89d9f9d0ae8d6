namespace Sourcing.Collector.Workloads;

/// <summary>
/// One event in a system's timeline. <see cref="Kind"/> is resource_added/changed/removed/restored (then
/// <see cref="Detail"/> is the history's field list as JSON), assigned_rule/assigned_hand, decision (detail
/// the destination, note the reason) or assessment (detail is the recommended destination or the status).
/// </summary>
public sealed record SystemTimelineEntry(DateTimeOffset At, string Kind, long? ResourceId, string? ResourceName, string? Detail, string? Note, string? By);
