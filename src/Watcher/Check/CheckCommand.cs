using System.Globalization;
using Watcher.Clients;
using Watcher.Configuration;
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
        var endpoint = settings.ServiceUrl?.ToString() ?? $"https://workmail.{region}.amazonaws.com";

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Configuration: valid ({options.Jobs.Count} jobs, {options.Organizations.Count} organizations; settings from {builder.Environment.ContentRootPath})"));
        await output.WriteLineAsync($"Region: {region}");
        await output.WriteLineAsync($"Endpoint: {endpoint}");
        await output.WriteLineAsync($"Credentials: {source.Kind}: {source.Description}");
        foreach (var organization in options.Organizations.Where(o => !string.IsNullOrWhiteSpace(o.RoleArn)))
        {
            var externalId = string.IsNullOrEmpty(organization.ExternalId) ? string.Empty : ", with an ExternalId";
            await output.WriteLineAsync($"  then for {organization.OrganizationId}: assumes {organization.RoleArn} through STS{externalId}");
        }

        await output.WriteLineAsync();

        var clients = app.Services.GetRequiredService<IWorkMailClients>();
        var checks = options.Jobs.Select(job => CheckJobAsync(clients, job, region, endpoint, source))
            .Concat(options.Organizations.Select(organization => CheckOrganizationAsync(clients, organization, region, endpoint, source)));
        var results = await Task.WhenAll(checks);

        await CheckReport.WriteAsync(output, results);
        return results.All(r => r.Succeeded) ? 0 : FailedExitCode;
    }

    private static async Task<CheckResult> CheckJobAsync(IWorkMailClients clients, WatchedJobOptions job, string region, string endpoint, WorkMailCredentialSource source)
    {
        try
        {
            var details = await clients.OwnRegion.DescribeExportJobAsync(job.OrganizationId, job.JobId, CancellationToken.None);
            return new CheckResult("job", job.OrganizationId, job.JobId, ExportJobStates.Name(details.State), Percent(details.EstimatedProgress), null, null, null);
        }
        catch (WorkMailException ex)
        {
            var hint = CredentialFetchHint(ex, source) ?? CheckHints.For(ex.ErrorCode, "workmail:DescribeMailboxExportJob", job.OrganizationId, region, roleArn: null, endpoint);
            return new CheckResult("job", job.OrganizationId, job.JobId, "-", "-", ex.ErrorCode, ex.Message, hint);
        }
    }

    private static async Task<CheckResult> CheckOrganizationAsync(IWorkMailClients clients, OrganizationOptions organization, string ownRegion, string endpoint, WorkMailCredentialSource source)
    {
        var region = string.IsNullOrWhiteSpace(organization.Region) ? ownRegion : organization.Region;
        var name = string.IsNullOrWhiteSpace(organization.Alias) ? organization.OrganizationId : $"{organization.OrganizationId} ({organization.Alias})";
        var action = "workmail:ListMailboxExportJobs";
        try
        {
            var client = clients.ForOrganization(organization.Region, organization.RoleArn, organization.ExternalId);
            var page = await client.ListExportJobsAsync(organization.OrganizationId, nextToken: null, maxResults: 100, CancellationToken.None);
            var running = page.Jobs.Count(j => j.State == ExportJobState.Running);
            var listed = string.Create(CultureInfo.InvariantCulture, $"{page.Jobs.Count}{(page.NextToken is null ? string.Empty : "+")} jobs listed");
            var state = string.Create(CultureInfo.InvariantCulture, $"{running} {ExportJobStates.Running}");

            // Coverage pages the directory with the same client: one page each proves the role may.
            action = "workmail:ListUsers";
            var directory = clients.DirectoryForOrganization(organization.Region, organization.RoleArn, organization.ExternalId);
            await directory.ListUsersAsync(organization.OrganizationId, nextToken: null, maxResults: 1, CancellationToken.None);
            action = "workmail:ListResources";
            await directory.ListResourcesAsync(organization.OrganizationId, nextToken: null, maxResults: 1, CancellationToken.None);
            return new CheckResult("organization", name, listed, state, "-", null, null, null);
        }
        catch (WorkMailException ex)
        {
            var hint = CredentialFetchHint(ex, source) ?? CheckHints.For(ex.ErrorCode, action, organization.OrganizationId, region, organization.RoleArn, endpoint);
            return new CheckResult("organization", name, action == "workmail:ListMailboxExportJobs" ? "-" : action, "-", "-", ex.ErrorCode, ex.Message, hint);
        }
    }

    private static string? CredentialFetchHint(WorkMailException exception, WorkMailCredentialSource source) => exception switch
    {
        { CredentialsFailed: false } or { ErrorCode: WorkMailErrorCodes.AccessDenied } => null,
        { FailedCredentialSource: WorkMailCredentialSources.PodIdentity or WorkMailCredentialSources.Container } =>
            CheckHints.ForContainerEndpoint(exception.FailedCredentialSource),
        _ => $"Getting credentials from STS failed (credential source: {source.Kind}). "
            + "Check that STS is reachable (sts.<region>.amazonaws.com, or AWS_ENDPOINT_URL_STS / Watcher:Aws:StsServiceUrl), "
            + "and that the role's trust policy allows this identity: for IRSA, the cluster's OIDC provider and the service account.",
    };

    private static string Percent(int progress) => string.Create(CultureInfo.InvariantCulture, $"{progress}%");
}
