using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sourcing.Collector.Auth;
using Sourcing.Collector.Planning;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Web;

/// <summary>
/// The web app on a real Kestrel loopback port (so a browser can reach it) over a fresh migrated
/// database, with one account per role, one without a role, and a seeded inventory. Shared by the
/// HTTP and browser tests of the "Web" collection.
/// </summary>
public sealed partial class WebAppFixture : IAsyncLifetime
{
    public const string Password = "Test-password-123";

    private readonly string _keysPath = Path.Combine(Path.GetTempPath(), "sourcing-web-tests-" + Guid.NewGuid().ToString("N"));

    public PostgresDatabase Database { get; } = new();

    public WebApplicationFactory<Sourcing.Web.SharedResource> Factory { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public long SourceId { get; private set; }

    public long ScriptVmId { get; private set; }

    /// <summary>A classified system (K3, patient data) on web-001…web-004: public cloud is blocked for it by the policy rule K3-POLICY.</summary>
    public long SystemId { get; private set; }

    /// <summary>A system with no classification ("underlag saknas").</summary>
    public long UnclassifiedSystemId { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await SeedAsync();
        await PlanningSeed.SeedAsync(Database.DataSource);

        // The simulators listen on random loopback ports; production allows 443 only (CertificateProbeTests check that).
        var factory = new SourcingWebFactory(Database.ConnectionString, _keysPath, new Dictionary<string, string>
        {
            ["Sourcing:CertificateProbe:Ports"] = "*",
            // Every test client comes from 127.0.0.1; the per-address throttle has its own tests (SecurityLimitsTests).
            ["Authentication:SignInFailuresPerAddress"] = "1000",
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        Factory = factory;
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_keysPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// A client of the real server that does not follow redirects, so tests see 302s; cookies are kept.
    /// (With UseKestrel, the factory's CreateClient follows redirects whatever its options say.)
    /// </summary>
    public HttpClient Anonymous() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }, disposeHandler: true)
        {
            BaseAddress = BaseAddress,
        };

    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Anonymous();
        using var response = await SignInAsync(client, userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var token = await TokenAsync(client, "/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync("/Account/SignIn", form);
    }

    /// <summary>The antiforgery token of the last form on the page (the page's own form comes after the layout's language form).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var matches = TokenPattern().Matches(html);
        Assert.NotEmpty(matches);
        return WebUtility.HtmlDecode(matches[^1].Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private async Task SeedAsync()
    {
        var users = new UserStore(Database.DataSource);
        var hash = LocalAccounts.Hash(Password);
        await users.UpsertAsync("drift", "Dora Drift", hash, [Roles.Drift], CancellationToken.None);
        await users.UpsertAsync("sourcing", "Sam Sourcing", hash, [Roles.Sourcing], CancellationToken.None);
        await users.UpsertAsync("ledning", "Lena Ledning", hash, [Roles.Ledning], CancellationToken.None);
        await users.UpsertAsync("norole", "Nils Utanroll", hash, [], CancellationToken.None);
        await users.UpsertAsync("lockme", "Lo Låst", hash, [Roles.Drift], CancellationToken.None);

        await using var connection = await Database.DataSource.OpenConnectionAsync();
        SourceId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO sourcing.source (name, kind, url) VALUES ('vcenter-visby', 'vsphere', 'https://vcenter.example') RETURNING id");
        // The first scan of the estate, a little over a year ago: the trend page starts there.
        await connection.ExecuteAsync(
            """
            INSERT INTO sourcing.scan (source_id, started_at, finished_at, status, progress_done, progress_total, added)
            VALUES (@SourceId, now() - interval '400 days', now() - interval '400 days' + interval '5 minutes', 'succeeded', 1, 1, 1)
            """, new { SourceId });
        var scanId = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO sourcing.scan (source_id, started_at, finished_at, status, progress_done, progress_total, added, errors)
            VALUES (@SourceId, now() - interval '1 hour', now() - interval '50 minutes', 'partial', 120, 124, 124, '["Värd esx-07 svarade inte"]')
            RETURNING id
            """, new { SourceId });
        // 120 web servers over two clusters, half of them on.
        await connection.ExecuteAsync(
            """
            INSERT INTO sourcing.resource (source_id, external_id, kind, name, cluster, power_state, os_family, guest_os, cpu_count,
                                           memory_mib, storage_gib, content_hash, first_seen_at, last_seen_at, last_scan_id)
            SELECT @SourceId, 'vm-' || i, 'vm', 'web-' || lpad(i::text, 3, '0'), CASE WHEN i % 2 = 0 THEN 'Prod' ELSE 'Test' END,
                   CASE WHEN i % 2 = 0 THEN 'on' ELSE 'off' END, 'linux', 'Red Hat Enterprise Linux 8', 2, 4096, 40, 'h',
                   now() - (i || ' days')::interval, now(), @scanId
            FROM generate_series(1, 120) AS i
            """, new { SourceId, scanId });
        ScriptVmId = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO sourcing.resource (source_id, external_id, kind, name, cluster, power_state, os_family, content_hash,
                                           first_seen_at, last_seen_at, tags, attributes)
            VALUES (@SourceId, 'vm-x', 'vm', '<script>alert(1)</script>', 'Prod', 'on', 'windows', 'h', now() - interval '3 days', now(),
                    '{"Ägare": "<b>HSF</b>"}', '{"ip": ["10.0.0.5"]}')
            RETURNING id
            """, new { SourceId });
        await connection.ExecuteAsync(
            """
            INSERT INTO sourcing.resource (source_id, external_id, kind, name, cluster, power_state, content_hash, first_seen_at, last_seen_at)
            VALUES (@SourceId, 'vm-f', 'vm', '=HYPERLINK("http://evil","klick")', 'Test', 'off', 'h', now(), now()),
                   (@SourceId, 'vm-gone', 'vm', 'web-removed', 'Test', 'off', 'h', now() - interval '9 days', now() - interval '2 days')
            """, new { SourceId });
        await connection.ExecuteAsync(
            "UPDATE sourcing.resource SET removed_at = now() - interval '1 day' WHERE external_id = 'vm-gone'");
        SystemId = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO sourcing.workload (name, department_id, confidentiality, integrity, availability, security_classified,
                                           personal_data, availability_need, medical_device, requires_offline, in_house_built,
                                           saas_available, integration_count, origins)
            VALUES ('Journalsystemet', (SELECT id FROM sourcing.department WHERE name = 'Hälso- och sjukvårdsförvaltningen'),
                    3, 3, 3, false, 'patient_health', 'twenty_four_seven', false, false, false, 'no', 5,
                    '{"confidentiality": {"origin": "import", "at": "2026-01-05T10:00:00Z", "by": "register.xlsx"}}')
            RETURNING id
            """);
        UnclassifiedSystemId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO sourcing.workload (name) VALUES ('Oklassat <i>system</i>') RETURNING id");
        await connection.ExecuteAsync(
            """
            INSERT INTO sourcing.resource_assignment (resource_id, workload_id, how, assigned_at, assigned_by)
            SELECT id, @SystemId, 'hand', now(), 'seed' FROM sourcing.resource WHERE name IN ('web-001', 'web-002', 'web-003', 'web-004')
            """, new { SystemId });
        await connection.ExecuteAsync(
            """
            INSERT INTO sourcing.resource_history (resource_id, scan_id, at, change, fields)
            VALUES (@ScriptVmId, @scanId, now() - interval '1 day', 'changed', '[{"field": "cpu_count", "old": 2, "new": 4}]')
            """, new { ScriptVmId, scanId });
    }
}

/// <summary>
/// The app configured for tests (SharedResource marks the Web assembly: the name Program is taken by the CLI too): the fixture's
/// database, its own key folder, and no Hangfire server (jobs stay queued) unless <paramref name="settings"/> switches it on.
/// </summary>
internal sealed class SourcingWebFactory(
    string connectionString, string keysPath, IReadOnlyDictionary<string, string>? settings = null, ListLoggerProvider? logs = null)
    : WebApplicationFactory<Sourcing.Web.SharedResource>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.UseSetting("ConnectionStrings:Sourcing", connectionString);
        builder.UseSetting("DataProtection:KeysPath", keysPath);
        builder.UseSetting("Hangfire:Server", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        // Planning reads systems from workloads and assessments; the scenario pages get a fixed set instead.
        builder.ConfigureTestServices(services => services.AddSingleton<IEstateSource, FakePlanningSystemSource>());
        if (logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}

[CollectionDefinition("Web")]
public sealed class WebGroup : ICollectionFixture<WebAppFixture>, ICollectionFixture<BrowserFixture>, ICollectionFixture<ScanJourneyFixture>;
