using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Azure;
using Sourcing.Collector.Cli;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Azure;

public sealed class AzureSourceAddCommandTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Tenant = "5e3c1f0a-7b2d-4c8e-9f41-0a6d2b7c9e13";
    private const string SubscriptionA = "1b2c3d4e-0000-4000-8000-00000000000a";
    private const string SubscriptionB = "1b2c3d4e-0000-4000-8000-00000000000b";

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        await using var services = CliRunner.Services(database);
        var (code, output, _) = await CliRunner.RunAsync(services, ["source", "add", "azure", .. args]);
        return (code, output);
    }

    [Fact]
    public async Task Run_ClientSecret_StoresSettingsAndSecretEnvButNeverTheSecret()
    {
        const string secretValue = "ska-aldrig-sparas-4711";
        Environment.SetEnvironmentVariable("SOURCING_SECRET_TEST_AZURE", secretValue);

        var (code, output) = await RunAsync(
            "--name", "azure-prod", "--tenant", Tenant, "--subscription", SubscriptionA, "--subscription", SubscriptionB,
            "--client-id", "8f2a6c1e-3d4b-4e5f-a6b7-c8d9e0f1a2b3", "--secret-env", "SOURCING_SECRET_TEST_AZURE",
            "--arm-endpoint", "https://management.local.azurestack.external/", "--authority", "https://adfs.local.azurestack.external/",
            "--thumbprint", string.Join(":", Enumerable.Repeat("ab", 32)), "--schedule", "30 1 * * *");

        Assert.Equal(0, code);
        Assert.Contains("azure-prod", output, StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string Kind, string SecretEnv, string Thumbprint, string Schedule, string Settings, string Url)>(
            "SELECT kind, secret_env, thumbprint, schedule, settings::text, url FROM sourcing.source WHERE name = 'azure-prod'");
        Assert.Equal("azure", row.Kind);
        Assert.Equal("SOURCING_SECRET_TEST_AZURE", row.SecretEnv);
        Assert.Equal(string.Concat(Enumerable.Repeat("ab", 32)), row.Thumbprint);
        Assert.Equal("30 1 * * *", row.Schedule);
        Assert.Equal("https://management.local.azurestack.external/", row.Url);
        var settings = AzureSourceSettings.From(JsonNode.Parse(row.Settings)!.AsObject());
        Assert.Equal(Tenant, settings.TenantId);
        Assert.Equal([SubscriptionA, SubscriptionB], settings.Subscriptions);
        Assert.Equal(AzureCredentialKinds.Secret, settings.Credential);
        Assert.Equal(new Uri("https://adfs.local.azurestack.external/"), settings.AuthorityHost);
        var everything = await connection.QuerySingleAsync<string>("SELECT row_to_json(s)::text FROM sourcing.source s WHERE name = 'azure-prod'");
        Assert.DoesNotContain(secretValue, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(secretValue, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SameNameWithReplace_UpdatesTheSource()
    {
        await RunAsync("--name", "azure-twice", "--tenant", Tenant, "--credential", "managed-identity");
        var (refused, _) = await RunAsync("--name", "azure-twice", "--tenant", Tenant, "--credential", "managed-identity", "--subscription", SubscriptionB);
        var (code, _) = await RunAsync("--name", "azure-twice", "--tenant", Tenant, "--credential", "managed-identity", "--subscription", SubscriptionA, "--replace");

        Assert.Equal(2, refused);
        Assert.Equal(0, code);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var settings = await connection.QuerySingleAsync<string>("SELECT settings::text FROM sourcing.source WHERE name = 'azure-twice'");
        Assert.Equal([SubscriptionA], AzureSourceSettings.From(JsonNode.Parse(settings)!.AsObject()).Subscriptions);
    }

    /// <summary>
    /// --replace goes through SourceStore like the Källor page: it drops a stored encrypted secret
    /// (the command names a variable instead), keeps on/off and the time zone it has no option for,
    /// and never turns a source of another kind into an Azure source.
    /// </summary>
    [Fact]
    public async Task Run_Replace_ClearsStoredSecretKeepsOnOffAndTimeZoneAndLeavesOtherKinds()
    {
        await RunAsync("--name", "azure-kept", "--tenant", Tenant, "--credential", "managed-identity");
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                UPDATE sourcing.source SET secret_protected = 'CfDJ8-krypterad', enabled = false, time_zone = 'Europe/Helsinki'
                WHERE name = 'azure-kept';
                INSERT INTO sourcing.source (name, kind, url, username, schedule) VALUES ('vc-kept', 'vsphere', 'https://vc.example', 'svc', '0 2 * * *')
                ON CONFLICT (name) DO NOTHING;
                """);
        }

        var (code, _) = await RunAsync("--name", "azure-kept", "--tenant", Tenant, "--credential", "managed-identity", "--subscription", SubscriptionA, "--replace");
        var (otherKind, _) = await RunAsync("--name", "vc-kept", "--tenant", Tenant, "--credential", "managed-identity", "--replace");

        Assert.Equal(0, code);
        Assert.Equal(2, otherKind);
        await using var check = await database.DataSource.OpenConnectionAsync();
        var row = await check.QuerySingleAsync<(string? Secret, bool Enabled, string TimeZone, string Settings)>(
            "SELECT secret_protected, enabled, time_zone, settings::text FROM sourcing.source WHERE name = 'azure-kept'");
        Assert.Null(row.Secret);
        Assert.False(row.Enabled);
        Assert.Equal("Europe/Helsinki", row.TimeZone);
        Assert.Equal([SubscriptionA], AzureSourceSettings.From(JsonNode.Parse(row.Settings)!.AsObject()).Subscriptions);
        Assert.Equal("vsphere", await check.QuerySingleAsync<string>("SELECT kind FROM sourcing.source WHERE name = 'vc-kept'"));
    }

    [Theory]
    [InlineData("--credential", "secret", "--client-id", "x")]
    [InlineData("--credential", "certificate", "--client-id", "x")]
    [InlineData("--credential", "password")]
    [InlineData("--subscription", "not-a-guid", "--credential", "managed-identity")]
    [InlineData("--credential", "managed-identity", "--arm-endpoint", "http://insecure.example")]
    [InlineData("--credential", "managed-identity", "--thumbprint", "abc")]
    [InlineData("--credential", "managed-identity", "--colour", "blue")]
    [InlineData("--credential", "managed-identity", "--schedule", "every night")]
    public async Task Run_WrongArguments_UsageError(params string[] extra)
    {
        Assert.Equal(CliDispatcher.ExitUsage, (await RunAsync(["--name", "azure-bad", "--tenant", Tenant, .. extra])).Code);
    }
}
