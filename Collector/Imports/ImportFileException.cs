namespace Sourcing.Collector.Imports;

/// <summary>A file that cannot be imported, with every problem found (Swedish, naming sheet, row, column and what was expected). CLI exit code 65.</summary>
public sealed class ImportFileException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public ImportFileException(string error)
        : this([error])
    {
    }

    public IReadOnlyList<string> Errors { get; } = errors;
}
