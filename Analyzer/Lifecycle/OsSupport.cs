using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Lifecycle;

/// <summary>The support status of one OS on one date, with the table row that decided it (null when none did).</summary>
public sealed record OsSupport(OsIdentity Os, SupportStatus Status, OsLifecycleEntry? Entry);
