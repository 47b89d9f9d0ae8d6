using System.Net;
using System.Text.RegularExpressions;
using Dapper;

namespace Sourcing.Tests.Web;

/// <summary>The supplier register page, and the gate reading a SaaS system's jurisdiction from it.</summary>
[Collection("Web")]
public sealed partial class SuppliersPageTests(WebAppFixture app)
{
    [Fact]
    public async Task SupplierJurisdiction_DecidesTheVerdictForASaasDestination()
    {
        long systemId;
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            systemId = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO sourcing.workload (name, confidentiality, integrity, availability, personal_data, security_classified,
                                               medical_device, requires_offline, availability_need, vendor)
                VALUES ('Vårdplanering leverantörstest', 3, 2, 2, 'patient_health', false, false, false, 'office_hours', 'Journalbolaget AB')
                RETURNING id
                """);
        }

        using var client = await app.SignedInAsync("sourcing");
        try
        {
            // No registered supplier: SaaS is assumed to be outside the EU and blocked by policy.
            Assert.Equal("blocked", SaasVerdict(await client.GetStringAsync($"/Systems/Detail?id={systemId}")));

            using var add = await PostAsync(client, "/Suppliers?add=true", "/Suppliers?handler=Save", new()
            {
                ["Input.Id"] = "0", ["Input.Name"] = "Journalbolaget AB", ["Input.OwnerCountry"] = "se", ["Input.DataLocation"] = "Sverige",
                ["Input.SealLevel"] = "3", ["Input.DefaultFor"] = "",
            });
            Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
            var page = await client.GetStringAsync("/Suppliers");
            Assert.Contains("Journalbolaget AB", page, StringComparison.Ordinal);
            Assert.Contains("Inom EU/EES", page, StringComparison.Ordinal);

            // A Swedish-owned SaaS supplier: conditional by law (suitability assessment), not blocked.
            var detail = await client.GetStringAsync($"/Systems/Detail?id={systemId}");
            Assert.Equal("conditional", SaasVerdict(detail));
            Assert.Contains("data-jurisdiction=\"Eu\">Leverantör: Journalbolaget AB", detail, StringComparison.Ordinal);

            // The same supplier bought by a US group: outside the EU, blocked again.
            await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
            {
                var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM sourcing.supplier WHERE name = 'Journalbolaget AB'");
                using var edit = await PostAsync(client, $"/Suppliers?edit={id}", "/Suppliers?handler=Save", new()
                {
                    ["Input.Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = "Journalbolaget AB",
                    ["Input.OwnerCountry"] = "SE", ["Input.UltimateParent"] = "Health Cloud Corp", ["Input.ParentCountry"] = "US",
                });
                Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
            }

            Assert.Equal("blocked", SaasVerdict(await client.GetStringAsync($"/Systems/Detail?id={systemId}")));
        }
        finally
        {
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM sourcing.supplier WHERE name = 'Journalbolaget AB'");
            await connection.ExecuteAsync("DELETE FROM sourcing.workload WHERE id = @systemId", new { systemId });
        }
    }

    [Fact]
    public async Task Save_Invalid_IsRefusedWithSwedishMessages()
    {
        using var client = await app.SignedInAsync("sourcing");

        using var response = await PostAsync(client, "/Suppliers?add=true", "/Suppliers?handler=Save", new()
        {
            ["Input.Id"] = "0", ["Input.Name"] = "", ["Input.OwnerCountry"] = "Sverige", ["Input.UltimateParent"] = "Moder AB",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Namn: ange leverantörens namn", html, StringComparison.Ordinal);
        Assert.Contains("Ägarens land: ange landskod med två bokstäver", html, StringComparison.Ordinal);
        Assert.Contains("Yttersta moderbolagets land: ange landet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_Drift_IsRefused()
    {
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Suppliers", "/Suppliers?handler=Save", new()
        {
            ["Input.Id"] = "0", ["Input.Name"] = "Driftens leverantör", ["Input.OwnerCountry"] = "SE",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.supplier WHERE name = 'Driftens leverantör'"));
    }

    private static string SaasVerdict(string html) => SaasRow().Match(html) is { Success: true } m ? m.Groups["v"].Value : "(no SaaS row)";

    [GeneratedRegex("<th scope=\"row\">SaaS.*?</th>\\s*<td><span class=\"badge verdict-(?<v>\\w+)\"", RegexOptions.Singleline)]
    private static partial Regex SaasRow();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebAppFixture.TokenAsync(client, formPage);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }
}
