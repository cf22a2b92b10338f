using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Watcher.Configuration;

/// <summary>
/// Checks the whole <c>Watcher</c> section and reports one message per problem, each starting with its
/// configuration key path (e.g. <c>Watcher:Jobs:2:OrganizationId</c>), so a user can find the line to fix.
/// </summary>
/// <remarks>
/// The options validation source generator formats messages as <c>DataAnnotation validation failed for
/// 'WatcherOptions.Jobs[2].OrganizationId' ...</c>, which names a C# member path rather than the key a user
/// edits. Every rule therefore lives here, where the messages can start with the key.
/// </remarks>
public sealed partial class WatcherOptionsValidator(IDefaultRegionSource defaultRegion) : IValidateOptions<WatcherOptions>
{
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinRequestTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(5);
    public const int MaxMaxAttempts = 10;
    public const int MaxMaxConcurrentCalls = 64;

    private const string Section = WatcherOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        ValidateAws(options.Aws, failures);
        ValidateJobs(options.Jobs, failures);

        if (options.PollInterval < MinPollInterval || options.PollInterval > MaxPollInterval)
        {
            failures.Add($"{Section}:PollInterval must be between {MinPollInterval:c} and {MaxPollInterval:c}, but was {options.PollInterval:c}");
        }

        if (options.MaxConcurrentCalls is < 1 or > MaxMaxConcurrentCalls)
        {
            failures.Add($"{Section}:MaxConcurrentCalls must be between 1 and {MaxMaxConcurrentCalls}, but was {options.MaxConcurrentCalls}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateAws(AwsOptions aws, List<string> failures)
    {
        const string Prefix = Section + ":Aws";
        if (aws is null)
        {
            failures.Add($"{Prefix} must be an object");
            return;
        }

        if (string.IsNullOrWhiteSpace(aws.Region))
        {
            if (defaultRegion.GetRegion() is not { } fallback)
            {
                failures.Add($"{Prefix}:Region must be set, or AWS_REGION, or a region in the shared AWS profile; a service URL alone is not enough because requests are signed for a region");
            }
            else if (!RegionPattern().IsMatch(fallback))
            {
                failures.Add($"{Prefix}:Region is empty and the region from AWS_REGION or the shared profile, '{fallback}', is not a region name such as eu-west-1");
            }
        }
        else if (!RegionPattern().IsMatch(aws.Region))
        {
            failures.Add($"{Prefix}:Region must be a region name such as eu-west-1, but was '{aws.Region}'");
        }

        if (!string.IsNullOrWhiteSpace(aws.ServiceUrl)
            && (!Uri.TryCreate(aws.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{Prefix}:ServiceUrl must be an absolute http or https URL, but was '{aws.ServiceUrl}'");
        }

        if (AwsSettings.ParseRetryMode(aws.RetryMode) is null)
        {
            failures.Add($"{Prefix}:RetryMode must be Standard or Adaptive, but was '{aws.RetryMode}'");
        }

        if (aws.MaxAttempts is < 1 or > MaxMaxAttempts)
        {
            failures.Add($"{Prefix}:MaxAttempts must be between 1 and {MaxMaxAttempts}, but was {aws.MaxAttempts}");
        }

        if (aws.RequestTimeout < MinRequestTimeout || aws.RequestTimeout > MaxRequestTimeout)
        {
            failures.Add($"{Prefix}:RequestTimeout must be between {MinRequestTimeout:c} and {MaxRequestTimeout:c}, but was {aws.RequestTimeout:c}");
        }
    }

    private static void ValidateJobs(List<WatchedJobOptions> jobs, List<string> failures)
    {
        const string Prefix = Section + ":Jobs";
        if (jobs is null || jobs.Count == 0)
        {
            failures.Add($"{Prefix} must list at least one export job to watch");
            return;
        }

        var seen = new Dictionary<(string, string), int>();
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            if (job is null)
            {
                failures.Add($"{Prefix}:{i} must be an object with OrganizationId and JobId");
                continue;
            }

            var organizationOk = CheckOrganizationId(job.OrganizationId, $"{Prefix}:{i}:OrganizationId", failures);
            var jobOk = CheckJobId(job.JobId, $"{Prefix}:{i}:JobId", failures);

            if (organizationOk && jobOk && !seen.TryAdd((job.OrganizationId, job.JobId), i))
            {
                failures.Add($"{Prefix}:{i} repeats {Prefix}:{seen[(job.OrganizationId, job.JobId)]} (organization {job.OrganizationId}, job {job.JobId})");
            }
        }
    }

    internal static bool CheckOrganizationId(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrEmpty(value))
        {
            failures.Add($"{key} is required");
            return false;
        }

        if (!OrganizationIdPattern().IsMatch(value))
        {
            failures.Add($"{key} must match ^m-[0-9a-f]{{32}}$, but was '{Truncate(value)}'");
            return false;
        }

        return true;
    }

    internal static bool CheckJobId(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrEmpty(value))
        {
            failures.Add($"{key} is required");
            return false;
        }

        if (!JobIdPattern().IsMatch(value))
        {
            failures.Add($"{key} must be 1 to 63 characters of [A-Za-z0-9-], but was '{Truncate(value)}'");
            return false;
        }

        return true;
    }

    private static string Truncate(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 80), "...");

    [GeneratedRegex("^m-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganizationIdPattern();

    [GeneratedRegex("^[A-Za-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex JobIdPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
