using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sourcing.Tests.Collector.Azure;

/// <summary>Keeps every log line (all levels, with exceptions) so tests can look for what must never be logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
