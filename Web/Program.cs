using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Sourcing.Collector;
using Sourcing.Collector.Auth;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Store;
using Sourcing.Web;
using Sourcing.Web.Api;
using Sourcing.Web.Caching;
using Sourcing.Web.Health;
using Sourcing.Web.Inventory;
using Sourcing.Web.Overview;
using Sourcing.Web.Pages.Imports;
using Sourcing.Web.Security;

var builder = WebApplication.CreateBuilder(args);
var connectionString = CollectorServices.ConnectionString(builder.Configuration);

if (builder.Configuration.GetValue("Logging:Json", false))
{
    // One JSON object per line, for log collectors.
    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
}

// No Server header: the stack is nobody's business.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
// One year, as browsers' preload lists expect; sent only on HTTPS responses outside Development.
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = true;
});
builder.Services.AddSourcingCollector(builder.Configuration);
builder.Services.AddSourcingHangfire(connectionString);
// Every web host is also a Hangfire server (unless Hangfire:Server=false, e.g. in tests or a
// web-only node); more capacity = more hosts on the same PostgreSQL.
if (builder.Configuration.GetValue("Hangfire:Server", true))
{
    builder.Services.AddHangfireServer(o =>
    {
        o.ServerName = $"sourcing-{Environment.MachineName}-{Environment.ProcessId}";
        o.WorkerCount = builder.Configuration.GetValue("Hangfire:WorkerCount", Math.Max(2, Environment.ProcessorCount));
    });
}

builder.Services.AddSingleton<UserStore>();
builder.Services.AddSingleton<SessionStore>();
builder.Services.AddSingleton<SignInThrottle>();
builder.Services.AddSingleton<Sourcing.Web.Sources.CertificateProbe>();
builder.Services.AddSingleton<LocalAccounts>();
builder.Services.AddSingleton<InventoryStore>();
builder.Services.AddSingleton<OverviewStore>();
builder.Services.AddTransient<PortfolioOverview>();
builder.Services.AddSingleton<InputsCache>();
builder.Services.AddSingleton<OverviewFigures>();
builder.Services.Configure<OverviewOptions>(builder.Configuration.GetSection("Overview"));
builder.Services.AddHostedService<OverviewRefresher>();
builder.Services.AddScoped<Sourcing.Web.Settings.SettingsPreviewService>();
builder.Services.AddSourcingAuthentication(builder.Configuration);
builder.Services.AddSourcingPolicies();
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddRazorPages().AddViewLocalization().AddMvcOptions(SwedishValidation.Configure);
// Å, ä, ö and dashes as themselves in the HTML; <, >, & and quotes are still encoded.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddSourcingOpenApi();
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
    .AddCheck<HangfireHealthCheck>("hangfire", tags: ["ready"]);

var app = builder.Build();

// Migrate before Hangfire starts picking jobs that read our tables.
await app.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
using (var scope = app.Services.CreateScope())
{
    var registrar = scope.ServiceProvider.GetRequiredService<ScheduleRegistrar>();
    registrar.RegisterFixedJobs();
    await registrar.SyncAsync(CancellationToken.None);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    // Sent only on HTTPS responses; behind a TLS-terminating proxy, configure forwarded headers.
    app.UseHsts();
}

app.UseSecurityHeaders(app.Services.GetRequiredService<OidcOptions>());

// An error status without a body (an unknown address, a wrong method) gets a Swedish page with the same status
// instead of an empty one; the API keeps its bare status codes.
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
    branch => branch.UseStatusCodePagesWithReExecute("/Status/{0}"));

// Swedish by default (numbers "1 500", dates "2026-11-01"); English is chosen with the language cookie.
var swedish = new CultureInfo("sv-SE");
var english = new CultureInfo("en-GB");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(swedish),
    SupportedCultures = [swedish, english],
    SupportedUICultures = [swedish, english],
    RequestCultureProviders = [new CookieRequestCultureProvider()],
});

app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseImportUploadLimit();

app.MapHangfireDashboard("/hangfire", new DashboardOptions
{
    Authorization = [],
    AsyncAuthorization = [new HangfireDashboardAuthorization(Policies.Drift)],
    DashboardTitle = "Sourcing – jobb",
    AppPath = "/",
}).RequireAuthorization(Policies.Drift);
app.MapRazorPages();
app.MapScansApi();
app.MapScenarioApi();
app.MapSourcingOpenApi();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

await app.RunAsync();

/// <summary>The web host's entry point; public so WebApplicationFactory can find it in tests.</summary>
public partial class Program;
