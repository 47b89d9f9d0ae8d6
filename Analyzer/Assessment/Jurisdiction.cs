namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Whose law a supplier answers to: its owner's and its ultimate parent's countries. A Swedish
/// subsidiary of a US group is <see cref="NonEu"/> (the parent can be ordered to hand over data),
/// a Swedish-owned SaaS supplier is <see cref="Eu"/>.
/// </summary>
public enum Jurisdiction
{
    /// <summary>Owner and ultimate parent within the EU/EEA.</summary>
    Eu,
    /// <summary>Owner or ultimate parent outside the EU/EEA (or not known, which the gate treats the same).</summary>
    NonEu,
}
