using Hangfire;
using Hangfire.AspNetCore;
using Sourcing.Collector;

namespace Sourcing.Web;

/// <summary>
/// Hangfire's defaults are process-wide (JobStorage.Current, JobActivator.Current). Registering this container's own
/// storage and activator first keeps a host's jobs, client and dashboard on its own database and services, also when a
/// second host shares the process (the browser tests run two).
/// </summary>
internal static class HangfireSetup
{
    private static int _dashboardScriptAdded;

    public static IServiceCollection AddSourcingHangfire(this IServiceCollection services, string connectionString)
    {
        // The dashboard's routes are process-wide: add the Stockholm-time script once, however many hosts start.
        if (Interlocked.Exchange(ref _dashboardScriptAdded, 1) == 0)
        {
            Hangfire.Dashboard.DashboardRoutes.AddJavaScript(typeof(HangfireSetup).Assembly, "Sourcing.Web.Hangfire.stockholm-time.js");
        }

        services.AddSingleton(_ => CollectorServices.CreateHangfireStorage(connectionString));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        // Needs Hangfire's IRecurringJobManager, so it lives with Hangfire (the CLI has none and validates its container on build).
        services.AddTransient<Sourcing.Collector.Scans.ScheduleRegistrar>();
        return services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));
    }
}
