namespace Sourcing.Collector.Assessment;

/// <summary>One saved version of a setting: who saved it, when, why (<see cref="Note"/>) and the JSON saved.</summary>
public sealed record SettingsVersion(SettingsKind Kind, int Version, DateTimeOffset CreatedAt, string CreatedBy, string? Note, string Json);
