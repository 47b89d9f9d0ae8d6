using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Cli;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Cli;

/// <summary>Every `sourcing` command: help on --help and -h (exit 0), Swedish usage errors (exit 64), and built by DI.</summary>
public sealed class CliHelpAndUsageTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    public static TheoryData<string> Commands() => new(CliCommands.All.Select(c => string.Join(' ', c.Path)));

    /// <summary>Help and parse errors need no services: a command is only built when it runs.</summary>
    private static Task<(int Code, string Output, string Error)> Run(params string[] args) =>
        CliRunner.RunAsync(new ServiceCollection().BuildServiceProvider(), args);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Root_Help_ExitsZeroAndListsEveryCommandGroup(string help)
    {
        var (code, output, error) = await Run(help);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Användning:", output, StringComparison.Ordinal);
        foreach (var word in CliCommands.All.Select(c => c.Path[0]).Distinct())
        {
            Assert.Contains("\n  " + word + " ", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_HelpAndShortHelp_ExitZeroWithItsUsageAndOptions(string path)
    {
        var spec = CliCommands.All.Single(c => string.Join(' ', c.Path) == path);
        foreach (var help in new[] { "--help", "-h" })
        {
            var (code, output, error) = await Run([.. spec.Path, help]);

            Assert.Equal(0, code);
            Assert.Equal("", error);
            Assert.Contains(spec.Description, output, StringComparison.Ordinal);
            Assert.Contains("Användning:\n  sourcing " + path, output, StringComparison.Ordinal);
            foreach (var parameter in spec.Parameters)
            {
                Assert.Contains(parameter.Kind == CliParameterKind.Argument ? $"<{parameter.Name}>" : "--" + parameter.Name, output, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_UnknownOption_Exits64WithSwedishMessageAndUsage(string path)
    {
        var spec = CliCommands.All.Single(c => string.Join(' ', c.Path) == path);

        var (code, output, error) = await Run([.. spec.Path, "--okand-flagga"]);

        Assert.Equal(CliDispatcher.ExitUsage, code);
        Assert.Equal("", output);
        Assert.Contains("Okänd flagga: --okand-flagga", error, StringComparison.Ordinal);
        Assert.Contains("Användning: sourcing " + path, error, StringComparison.Ordinal);
        Assert.Contains($"Mer: sourcing {path} --help", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_OptionWithoutValue_Exits64(string path)
    {
        var spec = CliCommands.All.Single(c => string.Join(' ', c.Path) == path);
        if (spec.Parameters.FirstOrDefault(p => p.Kind is CliParameterKind.Value or CliParameterKind.Repeated) is not { } option)
        {
            // No option takes a value: an extra positional is the usage error instead.
            var extra = spec.Parameters.Count(p => p.Kind == CliParameterKind.Argument);
            var (tooManyCode, _, tooManyError) = await Run([.. spec.Path, .. Enumerable.Repeat("x", extra + 1)]);
            Assert.Equal(CliDispatcher.ExitUsage, tooManyCode);
            Assert.Contains("Okänt argument: x", tooManyError, StringComparison.Ordinal);
            return;
        }

        var (code, _, error) = await Run([.. spec.Path, .. spec.Arguments.Where(a => a.Required).Select(_ => "x"), "--" + option.Name]);

        Assert.Equal(CliDispatcher.ExitUsage, code);
        Assert.Contains($"--{option.Name} behöver ett värde.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiredArgumentMissing_Exits64NamingIt()
    {
        var (code, _, error) = await Run("scan");

        Assert.Equal(CliDispatcher.ExitUsage, code);
        Assert.StartsWith("NAME saknas.\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Användning: sourcing scan <NAME>", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("source")]
    [InlineData("flyga")]
    public async Task NoOrUnknownCommand_Exits64(params string[] args)
    {
        var (code, output, error) = await Run(args);

        Assert.Equal(CliDispatcher.ExitUsage, code);
        Assert.Equal("", output);
        Assert.Contains("Användning: sourcing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandsOwnCheck_ThrowsUsage_Exits64WithItsMessage()
    {
        await using var services = CliRunner.Services(database);

        var (code, _, error) = await CliRunner.RunAsync(services, "inventory", "--format", "xml");

        Assert.Equal(CliDispatcher.ExitUsage, code);
        Assert.Contains("--format måste vara table, csv eller json.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCommand_IsBuiltByTheValidatedContainer()
    {
        // CliRunner builds with ValidateOnBuild, as the CLI does: a missing registration fails here.
        await using var services = CliRunner.Services(database);
        await using var scope = services.CreateAsyncScope();

        foreach (var spec in CliCommands.All)
        {
            Assert.IsAssignableFrom<ICliCommand>(scope.ServiceProvider.GetRequiredService(spec.CommandType));
        }
    }

    [Fact]
    public void EveryCommandClass_IsListed()
    {
        var classes = typeof(ICliCommand).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .ToHashSet();

        Assert.Equal(classes.OrderBy(t => t.Name), CliCommands.All.Select(c => c.CommandType).OrderBy(t => t.Name));
        Assert.Equal(CliCommands.All.Count, CliCommands.All.Select(c => string.Join(' ', c.Path)).Distinct().Count());
    }
}
