namespace Sourcing.Collector.Azure;

/// <summary>The Azure source could not be read at all: no subscription answered.</summary>
public sealed class AzureCollectException(string message) : Exception(message);
