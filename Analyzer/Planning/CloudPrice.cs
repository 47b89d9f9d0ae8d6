namespace Sourcing.Analyzer.Planning;

/// <summary>One row of a cloud price list: a VM size and its monthly price in SEK.</summary>
public sealed record CloudPrice(string Size, int VCpu, double MemoryGib, bool Windows, double SekPerMonth);
