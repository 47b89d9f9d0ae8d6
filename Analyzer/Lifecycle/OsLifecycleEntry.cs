namespace Sourcing.Analyzer.Lifecycle;

/// <summary>One OS version's support dates. Support is included until <see cref="SupportEnd"/>; paid extended support (ESU, ELS, LTSS, ESM) until <see cref="ExtendedEnd"/>.</summary>
public sealed record OsLifecycleEntry(
    string Product,
    string Version,
    DateOnly MainstreamEnd,
    DateOnly SupportEnd,
    DateOnly? ExtendedEnd,
    string? Note,
    string Source);
