using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sourcing.Collector.Cli;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Cli;

/// <summary>The `sourcing` process itself: documented exit codes and one Swedish line when the database is down.</summary>
public sealed class CliExitCodeTests
{
    [Theory]
    [InlineData("source", "list")]
    [InlineData("scan", "Demo vCenter")]
    [InlineData("db", "migrate")]
    public async Task Run_DatabaseDown_ExitsTwoWithOneSwedishLine(params string[] args)
    {
        // A port nobody listens on: the connection is refused at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (code, stdout, stderr) = await RunCliAsync(args, $"Host=127.0.0.1;Port={port};Database=sourcing_x;Username=sourcing;Password=hemligt-pg-lösen;Timeout=3");

        Assert.Equal(CliDispatcher.ExitFailed, code);
        Assert.Equal("", stdout.Trim());
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Fel: databasen kunde inte nås (127.0.0.1:" + port, line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Sourcing", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hemligt-pg-lösen", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "--help")]
    [InlineData(0, "forecast", "-h")]
    [InlineData(64, "forecast", "--format")]
    [InlineData(64, "inventory", "--okand")]
    public async Task Process_HelpAndUsageErrors_ExitCodes(int expected, params string[] args)
    {
        // The real process: its container is validated on build, so a missing registration would fail even --help.
        var (code, stdout, stderr) = await RunCliAsync(args, "Host=127.0.0.1;Port=1;Database=sourcing_x;Username=sourcing;Timeout=3");

        Assert.Equal(expected, code);
        Assert.Contains(expected == 0 ? "Användning:" : "Mer: sourcing", expected == 0 ? stdout : stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Stdout, string Stderr)> RunCliAsync(IEnumerable<string> args, string connectionString)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sourcing.dll");
        if (!File.Exists(dll))
        {
            dll = Path.Combine(RepoPaths.Root, "Collector", "bin", "Release", "net10.0", "sourcing.dll");
        }

        var keys = Directory.CreateTempSubdirectory("sourcing-cli-keys-");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Sourcing"] = connectionString;
        start.Environment["DataProtection__KeysPath"] = keys.FullName;
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }
}
