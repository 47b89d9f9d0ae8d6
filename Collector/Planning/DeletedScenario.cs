namespace Sourcing.Collector.Planning;

/// <summary>A deleted scenario in the bin: who deleted it, when, and until when it can be restored.</summary>
public sealed record DeletedScenario(string Name, string Owner, DateTimeOffset DeletedAt, string DeletedBy, DateTimeOffset RestorableUntil);
