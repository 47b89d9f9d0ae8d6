namespace Sourcing.Analyzer.Planning;

/// <summary>The size of one server, used to pick a cloud price row.</summary>
public sealed record VmShape(int VCpu, double MemoryGib, bool Windows);
