using Hangfire;
using Sourcing.Collector;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Store;
using Hangfire.Dashboard;

var builder = WebApplication.CreateBuilder(args);
var connectionString = CollectorServices.ConnectionString(builder.Configuration);

builder.Services.AddSourcingCollector(builder.Configuration);
builder.Services.AddHangfire(c => c.UseSourcingStorage(connectionString));
// Every web host is also a Hangfire server; more capacity = more hosts on the same PostgreSQL.
builder.Services.AddHangfireServer(o =>
{
    o.ServerName = $"sourcing-{Environment.MachineName}-{Environment.ProcessId}";
    o.WorkerCount = builder.Configuration.GetValue("Hangfire:WorkerCount", Math.Max(2, Environment.ProcessorCount));
});
builder.Services.AddRazorPages();

var app = builder.Build();

// Migrate before Hangfire starts picking jobs that read our tables.
await app.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
using (var scope = app.Services.CreateScope())
{
    var registrar = scope.ServiceProvider.GetRequiredService<ScheduleRegistrar>();
    registrar.RegisterFixedJobs();
    await registrar.SyncAsync(CancellationToken.None);
}

app.UseStaticFiles();
app.UseRouting();
// Until sign-in exists the dashboard is only reachable from this machine.
app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new LocalRequestsOnlyAuthorizationFilter()] });
app.MapRazorPages();
app.MapGet("/", () => Results.Redirect("/Inventory"));

await app.RunAsync();

/// <summary>The web host's entry point; public so WebApplicationFactory can find it in tests.</summary>
public partial class Program;
