using System.Globalization;
using Watcher.Clients;
using Watcher.Configuration;
using Watcher.Coverage;
using Watcher.Health;
using Watcher.WorkMail;
using Watcher.WorkMail.Credentials;
using Watcher.WorkMail.Model;

namespace Watcher.Check;

/// <summary>
/// <c>watcher check</c>: loads and validates the configuration, names the credential source, calls WorkMail once
/// for each configured job and organization, and prints what it saw. Exits 0 only when every call worked.
/// </summary>
public static class CheckCommand
{
    public const string Verb = "check";
    public const int FailedExitCode = 1;

    /// <param name="configure">Lets tests add services before Watcher's, as the host tests do.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        WebApplicationBuilder builder;
        WebApplication? app = null;
        WatcherOptions options;
        try
        {
            builder = WatcherHost.CreateBuilder(args);
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
            builder.AddWatcher();
            app = builder.Build();
            options = WatcherHost.ThrowIfInvalid(app.Services);
        }
        catch (WatcherStartupException ex)
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await output.WriteLineAsync("Configuration: invalid");
            foreach (var failure in ex.Details)
            {
                await output.WriteLineAsync($"  {failure}");
            }

            return ex.ExitCode;
        }

        await using var disposeApp = app;

        var region = AwsSettings.ResolveRegion(options.Aws, app.Services.GetRequiredService<IDefaultRegionSource>()) ?? "(none)";
        var settings = AwsSettings.ToClientSettings(options.Aws, region, app.Services.GetService<WorkMailStaticCredentials>(), onRetry: null);
        var source = WorkMailCredentialSources.Describe(settings);
        var endpoint = WorkMailEndpoint.For(settings);

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Configuration: valid ({Plural.Of(options.Jobs.Count, "job")}, {Plural.Of(options.Organizations.Count, "organization")}; settings from {builder.Environment.ContentRootPath})"));
        await output.WriteLineAsync($"Region: {region} (for Watcher:Jobs, and for organizations without a Region of their own; REGION below shows each call's)");
        await output.WriteLineAsync($"Endpoint: {endpoint.Url}");
        await output.WriteLineAsync($"Credentials: {source.Kind}: {source.Description}");
        foreach (var tried in source.Tried)
        {
            await output.WriteLineAsync($"  tried {tried}");
        }

        foreach (var organization in options.Organizations.Where(o => !string.IsNullOrWhiteSpace(o.RoleArn)))
        {
            var externalId = string.IsNullOrEmpty(organization.ExternalId) ? string.Empty : ", with an ExternalId";
            await output.WriteLineAsync($"  then for {organization.OrganizationId}: assumes {organization.RoleArn} through STS{externalId}");
        }

        await output.WriteLineAsync();

        var clients = app.Services.GetRequiredService<IWorkMailClients>();
        var checks = options.Jobs.Select(job => CheckJobAsync(clients, job, settings, region, source))
            .Concat(options.Organizations.Select(organization => CheckOrganizationAsync(clients, organization, settings, region, source)));
        IReadOnlyList<CheckResult> results = await Task.WhenAll(checks);
        if (app.Services.GetRequiredService<ICompletionStore>() is { Path: { } storePath } store)
        {
            results = [.. results, await CheckStoreAsync(store, storePath)];
        }

        await CheckReport.WriteAsync(output, results);
        return results.All(r => r.Succeeded) ? 0 : FailedExitCode;
    }

    private static async Task<CheckResult> CheckJobAsync(IWorkMailClients clients, WatchedJobOptions job, WorkMailClientSettings settings, string region, WorkMailCredentialSource source)
    {
        try
        {
            var details = await clients.OwnRegion.DescribeExportJobAsync(job.OrganizationId, job.JobId, CancellationToken.None);
            return new CheckResult("job", job.OrganizationId, region, job.JobId, ExportJobStates.Name(details.State), Percent(details.EstimatedProgress), null, null, null);
        }
        catch (WorkMailException ex)
        {
            var call = new WorkMailCall(WorkMailOperations.DescribeMailboxExportJob, job.OrganizationId, region, null, WorkMailEndpoint.For(settings), region);
            return new CheckResult("job", job.OrganizationId, region, job.JobId, "-", "-", ex.ErrorCode, ex.Message, CheckHints.For(ex, call, () => source.Kind));
        }
    }

    private static async Task<CheckResult> CheckOrganizationAsync(IWorkMailClients clients, OrganizationOptions organization, WorkMailClientSettings settings, string ownRegion, WorkMailCredentialSource source)
    {
        var region = string.IsNullOrWhiteSpace(organization.Region) ? ownRegion : organization.Region.Trim();
        var name = string.IsNullOrWhiteSpace(organization.Alias) ? organization.OrganizationId : $"{organization.OrganizationId} ({organization.Alias})";
        var operation = WorkMailOperations.ListMailboxExportJobs;
        try
        {
            var client = clients.ForOrganization(organization.Region, organization.RoleArn, organization.ExternalId);
            var page = await client.ListExportJobsAsync(organization.OrganizationId, nextToken: null, maxResults: 100, CancellationToken.None);
            var running = page.Jobs.Count(j => j.State == ExportJobState.Running);
            var listed = string.Create(CultureInfo.InvariantCulture, $"{page.Jobs.Count}{(page.NextToken is null ? string.Empty : "+")} {(page.NextToken is null ? Plural.Noun(page.Jobs.Count, "job") : "jobs")} listed");
            var state = string.Create(CultureInfo.InvariantCulture, $"{running} {ExportJobStates.Running}");
            // Coverage pages the directory with the same client: one page each proves the role may.
            operation = WorkMailOperations.ListUsers;
            var directory = clients.DirectoryForOrganization(organization.Region, organization.RoleArn, organization.ExternalId);
            await directory.ListUsersAsync(organization.OrganizationId, nextToken: null, maxResults: 1, CancellationToken.None);
            operation = WorkMailOperations.ListResources;
            await directory.ListResourcesAsync(organization.OrganizationId, nextToken: null, maxResults: 1, CancellationToken.None);
            return new CheckResult("organization", name, region, listed, state, "-", null, null, null);
        }
        catch (WorkMailException ex)
        {
            var roleArn = string.IsNullOrWhiteSpace(organization.RoleArn) ? null : organization.RoleArn;
            var call = new WorkMailCall(operation, organization.OrganizationId, region, roleArn, WorkMailEndpoint.For(settings with { Region = region }), ownRegion);
            var subject = operation == WorkMailOperations.ListMailboxExportJobs ? "-" : $"workmail:{operation}";
            return new CheckResult("organization", name, region, subject, "-", "-", ex.ErrorCode, ex.Message, CheckHints.For(ex, call, () => source.Kind));
        }
    }

    /// <summary>Opens the coverage store as Watcher would at start (creating the file if there is none) and reads it.</summary>
    private static async Task<CheckResult> CheckStoreAsync(ICompletionStore store, string path)
    {
        var completions = await store.LoadAsync(CancellationToken.None);
        return store.Health.Status == CompletionStoreStatus.Ok
            ? new CheckResult("store", "-", "-", path, Plural.Of(completions.Count, "completion"), "-", null, null, null)
            : new CheckResult(
                "store", "-", "-", path, "-", "-", "StoreUnavailable", store.Health.Reason,
                "Watcher would remember completed exports in memory only, and lose them on restart. The folder must exist and be writable by Watcher's user (the chart mounts a volume at /var/lib/watcher); a corrupt file must be moved aside. See docs/runbook.md#watchercoveragestoredown.");
    }

    private static string Percent(int progress) => string.Create(CultureInfo.InvariantCulture, $"{progress}%");
}
