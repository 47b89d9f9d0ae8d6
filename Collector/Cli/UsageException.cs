namespace Sourcing.Collector.Cli;

/// <summary>Wrong arguments: the dispatcher prints the message and the usage, exit code 64.</summary>
public sealed class UsageException(string message) : Exception(message);
