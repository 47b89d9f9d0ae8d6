using Microsoft.AspNetCore.Authorization;
using Sourcing.Collector.Auth;

namespace Sourcing.Web.Security;

/// <summary>
/// Authorization policies. Every page and endpoint names one of these (or AllowAnonymous);
/// the fallback policy only requires a signed-in user, so nothing is open by accident.
/// The table of who reads what is in docs/web.md.
/// </summary>
public static class Policies
{
    /// <summary>Role Drift: sources, scans, mapping, the Hangfire dashboard.</summary>
    public const string Drift = Roles.Drift;

    /// <summary>Role Sourcing: systems, decisions, scenarios, imports.</summary>
    public const string Sourcing = Roles.Sourcing;

    /// <summary>Leadership material (forecasts, reports): role Ledning, and Sourcing who prepares it.</summary>
    public const string Ledning = Roles.Ledning;

    /// <summary>The inventory of servers and cloud resources: Drift and Sourcing.</summary>
    public const string Inventory = "Inventory";

    /// <summary>The overview dashboard: anyone with one of the three roles.</summary>
    public const string AnyRole = "AnyRole";

    public static IServiceCollection AddSourcingPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Drift, p => p.RequireRole(Roles.Drift))
            .AddPolicy(Sourcing, p => p.RequireRole(Roles.Sourcing))
            .AddPolicy(Ledning, p => p.RequireRole(Roles.Ledning, Roles.Sourcing))
            .AddPolicy(Inventory, p => p.RequireRole(Roles.Drift, Roles.Sourcing))
            .AddPolicy(AnyRole, p => p.RequireRole(Roles.All))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}
