using System.Text.Json.Nodes;
using Sourcing.Collector.Azure;

namespace Sourcing.Tests.Collector.Azure;

public sealed class AzureSourceSettingsTests
{
    [Fact]
    public void From_ToJson_RoundTrips()
    {
        var settings = new AzureSourceSettings
        {
            TenantId = "t1",
            Subscriptions = ["a", "b"],
            Credential = AzureCredentialKinds.Certificate,
            ClientId = "c1",
            CertificatePath = "/etc/sourcing/azure.pem",
            ArmEndpoint = new Uri("https://management.usgovcloudapi.net/"),
            AuthorityHost = new Uri("https://login.microsoftonline.us/"),
        };

        var back = AzureSourceSettings.From(settings.ToJson());

        Assert.Equal(settings with { Subscriptions = back.Subscriptions }, back);
        Assert.Equal(["a", "b"], back.Subscriptions);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"tenantId":"t","credential":"password"}""")]
    [InlineData("""{"tenantId":"t","armEndpoint":"http://plain.example/"}""")]
    public void From_InvalidSettings_Throws(string json) =>
        Assert.Throws<InvalidOperationException>(() => AzureSourceSettings.From(JsonNode.Parse(json)!.AsObject()));

    [Fact]
    public void Normalize_ColonSeparatedLowercase_UppercaseHex() =>
        Assert.Equal(string.Concat(Enumerable.Repeat("0F", 32)), CertificatePin.Normalize(string.Join(":", Enumerable.Repeat("0f", 32))));
}
