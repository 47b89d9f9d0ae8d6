namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Who would host a system at one destination and under whose law: the supplier from the register
/// (null when none is registered) and the jurisdiction the gate used. <see cref="Assumed"/> is true
/// when no supplier is registered and the jurisdiction is the destination's safe assumption.
/// </summary>
public sealed record DestinationSupplier(Destination Destination, string? SupplierName, Jurisdiction Jurisdiction, bool Assumed);
