using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Watcher.Configuration;
using Watcher.Health;
using Watcher.Metrics;
using Watcher.WorkMail;
using Watcher.WorkMail.Credentials;

namespace Watcher.Clients;

/// <summary>One cached client per (region, role), seen as export jobs and as a directory, each view metered and watched
/// for credential failures, all behind one bound on calls in flight.</summary>
internal sealed class WorkMailClients : IWorkMailClients, IDisposable
{
    // The cache needs a region for its template; every Get supplies the real one.
    private const string TemplateRegion = "us-east-1";

    private readonly SemaphoreSlim _slots;
    private readonly WorkMailClientCache<WorkMailClientViews> _cache;
    private readonly string? _defaultRegion;
    private readonly ConcurrentDictionary<string, RequestRateLimiter> _limiters = new(StringComparer.Ordinal);

    public WorkMailClients(
        IOptions<WatcherOptions> options,
        IDefaultRegionSource defaultRegion,
        WatcherMetrics metrics,
        ApiActivity activity,
        CredentialHealth credentialHealth,
        TimeProvider time,
        WorkMailStaticCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watcher = options.Value;
        _defaultRegion = AwsSettings.ResolveRegion(watcher.Aws, defaultRegion);
        _slots = new SemaphoreSlim(watcher.MaxConcurrentCalls, watcher.MaxConcurrentCalls);
        var template = AwsSettings.ToClientSettings(
            watcher.Aws,
            _defaultRegion ?? TemplateRegion,
            credentials,
            retry =>
            {
                metrics.ApiRetry(retry.Operation, retry.OrganizationId, retry.ErrorCode);
                activity.Retried(retry.ErrorCode);
            }) with
        {
            OnRetryRefused = refused => metrics.ApiRetryRefused(refused.Operation, refused.OrganizationId, refused.ErrorCode),
        };
        var rate = watcher.Aws.MaxRequestsPerSecond;
        var ownRegion = _defaultRegion ?? TemplateRegion;

        // Describing the chain reads files and may ask IMDS: only for a hint about STS, and only once.
        var credentialSource = new Lazy<string>(() => WorkMailCredentialSources.Describe(template).Kind);
        var meter = new ApiCallMeter(metrics, activity, time);
        _cache = new WorkMailClientCache<WorkMailClientViews>(
            template,
            settings =>
            {
                // One budget per region, shared by every role's client there and applied to every HTTP attempt.
                var limiter = _limiters.GetOrAdd(settings.Region, _ => new RequestRateLimiter(rate, time));
                var client = new WorkMailExportJobsClient(settings with { BeforeAttempt = limiter.AcquireAsync });
                var calls = new WorkMailCall(string.Empty, string.Empty, settings.Region, settings.AssumeRole?.RoleArn, WorkMailEndpoint.For(settings), ownRegion);
                var tracker = new CredentialTracker(credentialHealth, calls, () => credentialSource.Value);
                return new WorkMailClientViews(
                    new ConcurrencyLimitedWorkMailExportJobs(new MeteredWorkMailExportJobs(new CredentialTrackingWorkMailExportJobs(client, tracker), meter), _slots),
                    new ConcurrencyLimitedWorkMailDirectory(new MeteredWorkMailDirectory(new CredentialTrackingWorkMailDirectory(client, tracker), meter), _slots),
                    client);
            });
    }

    public IWorkMailExportJobs OwnRegion => ForOrganization(null, null, null);

    public IWorkMailExportJobs ForOrganization(string? region, string? roleArn, string? externalId) =>
        Views(region, roleArn, externalId).ExportJobs;

    public IWorkMailDirectory DirectoryForOrganization(string? region, string? roleArn, string? externalId) =>
        Views(region, roleArn, externalId).Directory;

    private WorkMailClientViews Views(string? region, string? roleArn, string? externalId)
    {
        var resolved = string.IsNullOrWhiteSpace(region)
            ? _defaultRegion ?? throw new InvalidOperationException("Watcher:Aws:Region is not set and no default region was found.")
            : region;
        var role = string.IsNullOrWhiteSpace(roleArn) ? null : new WorkMailAssumeRole(roleArn, string.IsNullOrEmpty(externalId) ? null : externalId);
        return _cache.Get(resolved, role);
    }

    /// <summary>The request budget of a region, once a client for it exists; for tests.</summary>
    internal RequestRateLimiter? LimiterFor(string region) => _limiters.GetValueOrDefault(region);

    public void Dispose()
    {
        _cache.Dispose();
        _slots.Dispose();
    }
}
