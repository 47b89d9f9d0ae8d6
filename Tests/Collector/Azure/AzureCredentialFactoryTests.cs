using System.Text.Json.Nodes;
using Azure.Identity;
using Sourcing.Collector.Azure;
using Sourcing.Collector.Sources;

namespace Sourcing.Tests.Collector.Azure;

public sealed class AzureCredentialFactoryTests
{
    private static SourceDefinition Source(string? secret = "s3cr3t-value") => new()
    {
        Name = "azure-cred",
        Kind = "azure",
        Secret = secret is null ? null : new Secret(secret),
        Settings = [],
    };

    private static AzureSourceSettings Settings(string kind, string? clientId = "c1", string? certificate = null) => new()
    {
        TenantId = "5e3c1f0a-7b2d-4c8e-9f41-0a6d2b7c9e13",
        Credential = kind,
        ClientId = clientId,
        CertificatePath = certificate,
        AuthorityHost = new Uri("https://login.microsoftonline.us/"),
    };

    [Fact]
    public void Create_EachKind_TheMatchingCredential()
    {
        Assert.IsType<ClientSecretCredential>(AzureCredentialFactory.Create(Source(), Settings(AzureCredentialKinds.Secret)));
        Assert.IsType<ManagedIdentityCredential>(AzureCredentialFactory.Create(Source(null), Settings(AzureCredentialKinds.ManagedIdentity, clientId: null)));
        Assert.IsType<WorkloadIdentityCredential>(AzureCredentialFactory.Create(Source(null), Settings(AzureCredentialKinds.WorkloadIdentity)));
        Assert.IsType<ClientCertificateCredential>(AzureCredentialFactory.Create(Source(null), Settings(AzureCredentialKinds.Certificate, certificate: "/nonexistent/azure.pem")));
    }

    [Fact]
    public void Create_SecretKindWithoutSecret_ThrowsNamingTheVariableNotAValue()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AzureCredentialFactory.Create(Source(null), Settings(AzureCredentialKinds.Secret)));

        Assert.Contains("secret_env", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SecretKindWithoutClientId_Throws() =>
        Assert.Throws<InvalidOperationException>(() => AzureCredentialFactory.Create(Source(), Settings(AzureCredentialKinds.Secret, clientId: null)));

    [Fact]
    public void From_SettingsJsonOfTheCli_CreatesTheCredential()
    {
        var settings = AzureSourceSettings.From(new JsonObject { ["tenantId"] = "t", ["clientId"] = "c", ["credential"] = "secret" });

        Assert.IsType<ClientSecretCredential>(AzureCredentialFactory.Create(Source(), settings));
    }
}
