namespace Sourcing.Collector.Planning;

/// <summary>A scenario file that is not in the expected format; the CLI exits with 65.</summary>
public sealed class ScenarioFormatException(string message, Exception? inner = null) : Exception(message, inner);
