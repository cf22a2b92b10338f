using System.Globalization;
using Microsoft.Extensions.Options;
using Watcher.Clients;
using Watcher.Configuration;
using Watcher.Coverage;
using Watcher.Health;
using Watcher.Jobs;
using Watcher.Scheduling;

namespace Watcher.Web;

/// <summary>Serves the status page at <c>/</c> from memory, like /metrics: a request never calls AWS.</summary>
internal static class StatusPageEndpoint
{
    public const int DefaultRefreshSeconds = 30;

    private const int MaxRefreshSeconds = 3600;

    public static async Task WriteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var store = services.GetRequiredService<ICompletionStore>();

        // Read once at start, as the store is.
        var coverageEnabled = services.GetRequiredService<IOptions<WatcherOptions>>().Value.Coverage.Enabled;
        var model = new StatusPageModel(
            services.GetRequiredService<ExportJobStore>().Current.Values.ToList(),
            services.GetRequiredService<OrganizationStore>().Current,
            services.GetRequiredService<ApiActivity>().Snapshot(),
            services.GetRequiredService<Readiness>().IsReady,
            services.GetRequiredService<TimeProvider>().GetUtcNow(),
            RefreshSeconds(context.Request.Query["refresh"]),
            services.GetRequiredService<CoverageStore>().Current)
        {
            CredentialProblems = services.GetRequiredService<CredentialHealth>().Current(),
            CoverageStorePath = store.Path,
            CoverageStoreHealth = coverageEnabled ? store.Health : null,
        };
        var html = StatusPageRenderer.Render(model);

        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = StatusPageStyle.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        await response.WriteAsync(html, context.RequestAborted);
    }

    /// <summary><c>?refresh=0</c> stops the reloading, for reading a long table; other values are seconds.</summary>
    private static int RefreshSeconds(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxRefreshSeconds
            ? seconds
            : DefaultRefreshSeconds;
}
