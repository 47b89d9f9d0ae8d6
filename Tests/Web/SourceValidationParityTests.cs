using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Cli;
using Sourcing.Collector.Sources;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Web;

/// <summary>
/// One validator for sources (Collector/Sources/SourceValidator): `sourcing source add vsphere`
/// and the Källor edit page refuse the same bad values, each naming the option or the field,
/// and neither stores anything. Before, the CLI let "0 25 * * *" and ftp:// user-info addresses
/// through that the page refused.
/// </summary>
[Collection("Web")]
public sealed class SourceValidationParityTests(WebAppFixture app)
{
    [Theory]
    [InlineData("url", "Input.Url", "ftp://vcenter.region.se", "Url")]
    [InlineData("url", "Input.Url", "http://vcenter.region.se", "Url")]
    [InlineData("url", "Input.Url", "vcenter.region.se", "Url")]
    [InlineData("url", "Input.Url", "https://admin:pw@vcenter.region.se", "Url")]
    [InlineData("name", "Input.Name", "   ", "Name")]
    [InlineData("thumbprint", "Input.Thumbprint", "AB:CD:EF", "Thumbprint")]
    [InlineData("schedule", "Input.Schedule", "0 25 * * *", "Schedule")]
    [InlineData("schedule", "Input.Schedule", "varje natt", "Schedule")]
    [InlineData("concurrency", "Input.MaxConcurrency", "65", "MaxConcurrency")]
    [InlineData("concurrency", "Input.MaxConcurrency", "0", "MaxConcurrency")]
    [InlineData("concurrency", "Input.MaxConcurrency", "åtta", "MaxConcurrency")]
    [InlineData("password-env", "Input.SecretEnv", "HOME", "SecretEnv")]
    [InlineData("password-env", "Input.SecretEnv", "ConnectionStrings__Sourcing", "SecretEnv")]
    public async Task CliAndPage_RefuseTheSameBadValue(string option, string formField, string value, string field)
    {
        var name = "paritet-" + Guid.NewGuid().ToString("N")[..8];

        // The command line.
        var cliArgs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["url"] = "https://vcenter-ny.region.se/",
            ["user"] = "svc-sourcing@vsphere.local",
            ["password-env"] = "SOURCING_SECRET_PARITY",
            ["schedule"] = "0 2 * * *",
            ["concurrency"] = "8",
        };
        cliArgs[option] = value;
        await using (var services = CliRunner.Services(app.Database))
        {
            var (code, output, error) = await CliRunner.RunAsync(services, ["source", "add", "vsphere", .. cliArgs.SelectMany(a => new[] { "--" + a.Key, a.Value })]);

            Assert.Equal(CliDispatcher.ExitUsage, code);
            Assert.Contains("--" + option, output + error, StringComparison.Ordinal);
        }

        // The page, with the same value in the same field.
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "vsphere",
            ["Input.Name"] = name,
            ["Input.Url"] = "https://vcenter-ny.region.se/",
            ["Input.UserName"] = "svc-sourcing@vsphere.local",
            ["Input.SecretMode"] = "env",
            ["Input.SecretEnv"] = "SOURCING_SECRET_PARITY",
            ["Input.Thumbprint"] = "",
            ["Input.MaxConcurrency"] = "8",
            ["Input.Schedule"] = "0 2 * * *",
            ["Input.TimeZone"] = "Europe/Stockholm",
            ["Input.Enabled"] = "true",
        };
        form[formField] = value;
        using var client = await app.SignedInAsync("drift");
        form["__RequestVerificationToken"] = await WebAppFixture.TokenAsync(client, "/Sources/Edit");
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync("/Sources/Edit", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Inget sparades", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"Input_{field}-error\"", html, StringComparison.Ordinal);

        // Neither stored it (the trimmed name of the blank-name case is not a name at all).
        Assert.Null(await app.Factory.Services.GetRequiredService<SourceStore>().FindAsync(name, CancellationToken.None));
    }

    /// <summary>The same values, good, pass both: the refusals above are the bad value's, not the rest of the input's.</summary>
    [Fact]
    public void Validator_GoodVSphereValues_NoProblems()
    {
        var problems = SourceValidator.Validate(
            new SourceValues
            {
                Kind = "vsphere",
                Name = "vcenter-ny",
                Url = "https://vcenter-ny.region.se/",
                UserName = "svc-sourcing@vsphere.local",
                SecretEnv = "SOURCING_SECRET_PARITY",
                SecretEnvRequired = true,
                MaxConcurrency = "8",
                Schedule = "0 2 * * *",
                TimeZone = "Europe/Stockholm",
            },
            app.Factory.Services.GetRequiredService<SecretResolver>().Variables);

        Assert.Empty(problems);
    }
}
