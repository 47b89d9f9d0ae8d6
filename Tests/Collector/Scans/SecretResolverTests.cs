using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Sourcing.Collector.Sources;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Scans;

public sealed class SecretResolverTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Protect_StoredSecret_IsNotPlainTextInDatabaseAndResolvesBack()
    {
        var harness = new CollectorHarness(database);
        const string password = "Vcenter-Lösen-123!";
        await harness.Sources.AddAsync(new NewSource
        {
            Name = "stored-secret", Kind = "vsphere", Url = "https://vc", Username = "u", SecretProtected = harness.Secrets.Protect(password),
        }, CancellationToken.None);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<string>("SELECT row_to_json(s)::text FROM sourcing.source s WHERE name = 'stored-secret'");
        Assert.DoesNotContain(password, row, StringComparison.Ordinal);

        var resolved = harness.Secrets.Resolve((await harness.Sources.FindAsync("stored-secret", CancellationToken.None))!);
        Assert.Equal(password, resolved.Secret!.Reveal());
    }

    [Fact]
    public async Task Resolve_VariableOutsideAllowedNames_FailsWithoutReadingIt()
    {
        var harness = new CollectorHarness(database);
        // A variable every process has: a source must not be able to send it anywhere.
        await harness.Sources.AddAsync(new NewSource { Name = "path-thief", Kind = "vsphere", Url = "https://evil.example", Username = "u", SecretEnv = "PATH" },
            CancellationToken.None);
        var row = (await harness.Sources.FindAsync("path-thief", CancellationToken.None))!;

        var e = Assert.Throws<InvalidOperationException>(() => harness.Secrets.Resolve(row));

        Assert.Contains("PATH får inte användas", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.GetEnvironmentVariable("PATH")!, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AllowedByPrefixOrName_ReadsTheVariable()
    {
        Environment.SetEnvironmentVariable("SOURCING_SECRET_TEST_RESOLVE", "från-prefix");
        Environment.SetEnvironmentVariable("VC_VISBY_PW", "från-namn");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sourcing:SecretVariables:Names"] = "VC_VISBY_PW",
        }).Build();
        var resolver = new SecretResolver(DataProtectionProvider.Create("t"), config);

        Assert.Equal("från-prefix", resolver.Resolve(new SourceRow { Name = "a", SecretEnv = "SOURCING_SECRET_TEST_RESOLVE" }).Secret!.Reveal());
        Assert.Equal("från-namn", resolver.Resolve(new SourceRow { Name = "b", SecretEnv = "VC_VISBY_PW" }).Secret!.Reveal());
        Assert.Throws<InvalidOperationException>(() => resolver.Resolve(new SourceRow { Name = "c", SecretEnv = "VC_VISBY_PW2" }));
    }

    [Theory]
    [InlineData("SOURCING_SECRET_VC", null, null, true)]
    [InlineData("SOURCING_SECRET_", null, null, false)]
    [InlineData("sourcing_secret_vc", null, null, false)]
    [InlineData("HOME", null, null, false)]
    [InlineData("ConnectionStrings__Sourcing", null, null, false)]
    [InlineData("REGION_VC", "REGION_,OTHER_", null, true)]
    [InlineData("SOURCING_SECRET_VC", "REGION_", null, false)]
    [InlineData("MY_PW", null, "MY_PW", true)]
    [InlineData("MY_PW_2", null, "MY_PW", false)]
    [InlineData("BAD-NAME", "BAD", null, false)]
    public void SecretVariablePolicy_PrefixesAndNames(string variable, string? prefixes, string? names, bool allowed)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sourcing:SecretVariables:Prefixes"] = prefixes,
            ["Sourcing:SecretVariables:Names"] = names,
        }).Build();

        Assert.Equal(allowed, new SecretVariablePolicy(config).IsAllowed(variable));
    }

    [Fact]
    public async Task TryUpdate_ChangedUrlUserOrTenant_ClearsStoredSecret()
    {
        var harness = new CollectorHarness(database);
        var stored = harness.Secrets.Protect("vc-lösen");
        var source = new NewSource { Name = "bound", Kind = "vsphere", Url = "https://vc.region.se", Username = "svc", SecretProtected = stored };
        var id = await harness.Sources.AddAsync(source, CancellationToken.None);

        async Task<string?> SecretAfterAsync(NewSource changed)
        {
            await harness.Sources.TryUpdateAsync(id, new SourceChange { Source = changed with { SecretProtected = null }, KeepSecret = true }, CancellationToken.None);
            return (await harness.Sources.GetAsync(id, CancellationToken.None))!.SecretProtected;
        }

        Assert.Equal(stored, await SecretAfterAsync(source with { Schedule = "0 3 * * *" }));
        Assert.Null(await SecretAfterAsync(source with { Url = "https://annan.example.com" }));

        await harness.Sources.TryUpdateAsync(id, new SourceChange { Source = source }, CancellationToken.None);
        Assert.Null(await SecretAfterAsync(source with { Username = "root" }));

        var azure = new NewSource
        {
            Name = "bound-azure", Kind = "azure", Url = "https://management.azure.com/", SecretProtected = stored,
            Settings = new System.Text.Json.Nodes.JsonObject { ["tenantId"] = "t1", ["clientId"] = "c1" },
        };
        id = await harness.Sources.AddAsync(azure, CancellationToken.None);
        Assert.Equal(stored, await SecretAfterAsync(azure));
        await harness.Sources.TryUpdateAsync(id, new SourceChange { Source = azure }, CancellationToken.None);
        Assert.Null(await SecretAfterAsync(azure with { Settings = new System.Text.Json.Nodes.JsonObject { ["tenantId"] = "t2", ["clientId"] = "c1" } }));
        await harness.Sources.TryUpdateAsync(id, new SourceChange { Source = azure }, CancellationToken.None);
        Assert.Null(await SecretAfterAsync(azure with
        {
            Settings = new System.Text.Json.Nodes.JsonObject { ["tenantId"] = "t1", ["clientId"] = "c1", ["authorityHost"] = "https://evil.example/" },
        }));
    }

    private const string Hex64 = "ab0123456789cdefab0123456789cdefab0123456789cdefab0123456789cdef";

    /// <summary>One rule for the CLI, the Källor page and the store: separators go, case folds, anything but 64 hex digits is no pin.</summary>
    [Theory]
    [InlineData("AB:01:23:45:67:89:CD:EF:AB:01:23:45:67:89:CD:EF:AB:01:23:45:67:89:CD:EF:AB:01:23:45:67:89:CD:EF", Hex64)]
    [InlineData(" ab0123456789cdef ab0123456789cdef-ab0123456789cdef ab0123456789cdef ", Hex64)]
    [InlineData("AB:CD:ef", null)]
    [InlineData("zz0123456789cdefab0123456789cdefab0123456789cdefab0123456789cdef", null)]
    [InlineData("", null)]
    public void Thumbprint_VariousForms_LowerHexOrNull(string input, string? expected) =>
        Assert.Equal(expected, Thumbprint.Normalize(input));
}
