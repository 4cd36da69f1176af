using CqpPortal.Web.Identity;
using Hangfire;
using Hangfire.Dashboard;

namespace CqpPortal.Web.Jobs;

/// <summary>
/// Hangfire's dashboard under the staff area, at /Staff/Taches: staff see the jobs, servers and failures read-only;
/// administrators may also retry, trigger and delete.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/Staff/Taches";

    public static IEndpointConventionBuilder MapPortalJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            // Hangfire's default filter (local requests only) goes: our roles decide.
            Authorization = [],
            AsyncAuthorization = [new StaffOnly()],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Administrator),
            AppPath = "/Staff",
            DashboardTitle = "Tâches planifiées",
            DisplayStorageConnectionString = false,
        }, endpoints.ServiceProvider.GetRequiredService<JobStorage>());

    /// <summary>Staff and administrators only. Hangfire answers 401 to an anonymous visitor and 403 to any other role.</summary>
    public sealed class StaffOnly : IDashboardAsyncAuthorizationFilter
    {
        public Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return Task.FromResult(user.Identity?.IsAuthenticated == true && Roles.IsStaff(user));
        }
    }
}
