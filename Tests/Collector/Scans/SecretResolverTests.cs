using Dapper;
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

    [Theory]
    [InlineData("AB:CD:ef", "abcdef")]
    [InlineData(" ab cd ", "abcd")]
    [InlineData("", null)]
    public void NormalizeThumbprint_VariousForms_LowerHex(string input, string? expected) =>
        Assert.Equal(expected, SourceStore.NormalizeThumbprint(input));
}
