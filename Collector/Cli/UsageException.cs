namespace Sourcing.Collector.Cli;

/// <summary>Wrong arguments found by a command itself (a value out of range, two options that go together): the dispatcher prints the Swedish message and the usage, exit code 64.</summary>
public sealed class UsageException(string message) : Exception(message);
