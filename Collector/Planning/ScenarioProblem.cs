namespace Sourcing.Collector.Planning;

/// <summary>
/// One thing wrong with a scenario: where in the file (<paramref name="Path"/>, e.g. "rules[0].waves[1].year"),
/// the same place in the words of the form (<paramref name="Field"/>, e.g. "Regel 1 (Utskrift), våg 2, år")
/// and what is wrong, in Swedish.
/// </summary>
public sealed record ScenarioProblem(string Path, string Field, string Message)
{
    /// <summary>For the file and the command line: the path names the field.</summary>
    public string ForFile => Path + ": " + Message;

    /// <summary>For the scenario page: the form's own words name the field.</summary>
    public string ForForm => Field.Length == 0 ? Message : Field + ": " + Message;
}
