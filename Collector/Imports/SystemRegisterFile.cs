namespace Sourcing.Collector.Imports;

/// <summary>One system of the register: its row number as a spreadsheet shows it and the attributes the row gives (attribute → stored text). Empty cells are absent: they change nothing.</summary>
public sealed record SystemRegisterRow(int Row, string Name, IReadOnlyDictionary<string, string> Values);

/// <summary>A checked register file. Columns the import does not know are listed, not refused.</summary>
public sealed record SystemRegisterFile(IReadOnlyList<SystemRegisterRow> Rows, IReadOnlyList<string> IgnoredColumns);
