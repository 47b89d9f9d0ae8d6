using Microsoft.Extensions.Logging;
using Sourcing.Collector.Sources;
using Sourcing.Collector.VSphere;
using Sourcing.Tests.Simulators.VCenter;

namespace Sourcing.Tests.Collector.VSphere;

/// <summary>Builds sources and collectors pointed at a simulator, with fast retries and captured logs.</summary>
public sealed class VSphereTestKit : IDisposable
{
    private readonly ILoggerFactory _loggers;

    public VSphereTestKit()
    {
        _loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public InstantTimeProvider Time { get; } = new();

    public VSphereClientOptions Options { get; init; } = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(100) };

    public VSphereCollector Collector() => new(_loggers.CreateLogger<VSphereCollector>(), Time, Options);

    public static SourceDefinition Source(VCenterSimulator sim, string? thumbprint = "pin", int maxConcurrency = 8, string? password = null) => new()
    {
        Id = 1,
        Name = "vcenter-test",
        Kind = "vsphere",
        Url = sim.Url,
        Username = sim.Options.Username,
        Secret = new Secret(password ?? sim.Options.Password),
        Thumbprint = thumbprint == "pin" ? sim.Thumbprint : thumbprint,
        MaxConcurrency = maxConcurrency,
    };

    public void Dispose() => _loggers.Dispose();
}
