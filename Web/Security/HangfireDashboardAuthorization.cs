using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;

namespace Sourcing.Web.Security;

/// <summary>Lets into the Hangfire dashboard only users who satisfy <paramref name="policy"/> (Drift).</summary>
public sealed class HangfireDashboardAuthorization(string policy) : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, policy)).Succeeded;
    }
}
