using System.Globalization;
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
    public const int MaxMaxWatchedJobs = 100_000;
    public static readonly TimeSpan MinRetention = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(30);
    public const double MinMaxRequestsPerSecond = 0.1;
    public const double MaxMaxRequestsPerSecond = 1000;
    public static readonly TimeSpan MaxMaxBackoff = TimeSpan.FromDays(1);
    public static readonly TimeSpan MinShutdownTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxShutdownTimeout = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MinCoverageInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxCoverageInterval = TimeSpan.FromDays(1);

    private const string Section = WatcherOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var organizations = options.Organizations ?? [];
        var jobs = options.Jobs ?? [];
        var needsDefaultRegion = jobs.Count > 0 || organizations.Any(o => string.IsNullOrWhiteSpace(o?.Region));
        ValidateAws(options.Aws, needsDefaultRegion, failures);
        ValidateJobs(jobs, failures);
        ValidateOrganizations(organizations, failures);

        if (jobs.Count == 0 && organizations.Count == 0)
        {
            failures.Add($"{Section}:Jobs or {Section}:Organizations must list at least one export job or organization to watch");
        }

        if (options.MaxWatchedJobs is < 1 or > MaxMaxWatchedJobs)
        {
            failures.Add($"{Section}:MaxWatchedJobs must be between 1 and {MaxMaxWatchedJobs}, but was {options.MaxWatchedJobs}");
        }
        else if (jobs.Count > options.MaxWatchedJobs)
        {
            failures.Add($"{Section}:Jobs lists {jobs.Count} jobs, more than {Section}:MaxWatchedJobs ({options.MaxWatchedJobs})");
        }

        if (options.TerminalJobRetention < MinRetention || options.TerminalJobRetention > MaxRetention)
        {
            failures.Add($"{Section}:TerminalJobRetention must be between {Durations.Format(MinRetention)} and {Durations.Format(MaxRetention)}, but was {Durations.Format(options.TerminalJobRetention)}");
        }

        if (options.PollInterval < MinPollInterval || options.PollInterval > MaxPollInterval)
        {
            failures.Add($"{Section}:PollInterval must be between {Durations.Format(MinPollInterval)} and {Durations.Format(MaxPollInterval)}, but was {Durations.Format(options.PollInterval)}");
        }

        if (options.MaxConcurrentCalls is < 1 or > MaxMaxConcurrentCalls)
        {
            failures.Add($"{Section}:MaxConcurrentCalls must be between 1 and {MaxMaxConcurrentCalls}, but was {options.MaxConcurrentCalls}");
        }

        // A MaxBackoff below PollInterval is allowed: polling then never backs off beyond the interval.
        if (options.MaxBackoff < MinPollInterval || options.MaxBackoff > MaxMaxBackoff)
        {
            failures.Add($"{Section}:MaxBackoff must be between {Durations.Format(MinPollInterval)} and {Durations.Format(MaxMaxBackoff)}, but was {Durations.Format(options.MaxBackoff)}");
        }

        ValidateCoverage(options.Coverage, failures);

        if (options.ShutdownTimeout < MinShutdownTimeout || options.ShutdownTimeout > MaxShutdownTimeout)
        {
            failures.Add($"{Section}:ShutdownTimeout must be between {Durations.Format(MinShutdownTimeout)} and {Durations.Format(MaxShutdownTimeout)}, but was {Durations.Format(options.ShutdownTimeout)}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateAws(AwsOptions aws, bool needsDefaultRegion, List<string> failures)
    {
        const string Prefix = Section + ":Aws";
        if (aws is null)
        {
            failures.Add($"{Prefix} must be an object");
            return;
        }

        // Organizations that all name their own region, and no explicit jobs, need no default region.
        if (string.IsNullOrWhiteSpace(aws.Region))
        {
            var fallback = needsDefaultRegion ? defaultRegion.GetRegion() : null;
            if (needsDefaultRegion && fallback is null)
            {
                failures.Add($"{Prefix}:Region must be set, or AWS_REGION, or a region in the shared AWS profile; a service URL alone is not enough because requests are signed for a region");
            }
            else if (fallback is not null && !RegionPattern().IsMatch(fallback))
            {
                failures.Add($"{Prefix}:Region is empty and the region from AWS_REGION or the shared profile, '{fallback}', is not a region name such as eu-west-1");
            }
        }
        else if (!RegionPattern().IsMatch(aws.Region))
        {
            failures.Add($"{Prefix}:Region must be a region name such as eu-west-1, but was '{aws.Region}'");
        }

        CheckUrl(aws.ServiceUrl, $"{Prefix}:ServiceUrl", failures);
        CheckUrl(aws.StsServiceUrl, $"{Prefix}:StsServiceUrl", failures);

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
            failures.Add($"{Prefix}:RequestTimeout must be between {Durations.Format(MinRequestTimeout)} and {Durations.Format(MaxRequestTimeout)}, but was {Durations.Format(aws.RequestTimeout)}");
        }

        if (double.IsNaN(aws.MaxRequestsPerSecond) || aws.MaxRequestsPerSecond < MinMaxRequestsPerSecond || aws.MaxRequestsPerSecond > MaxMaxRequestsPerSecond)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Prefix}:MaxRequestsPerSecond must be between {MinMaxRequestsPerSecond} and {MaxMaxRequestsPerSecond}, but was {aws.MaxRequestsPerSecond}"));
        }
    }

    private static void ValidateCoverage(CoverageOptions coverage, List<string> failures)
    {
        const string Prefix = Section + ":Coverage";
        if (coverage is null)
        {
            failures.Add($"{Prefix} must be an object");
            return;
        }

        if (coverage.Interval < MinCoverageInterval || coverage.Interval > MaxCoverageInterval)
        {
            failures.Add($"{Prefix}:Interval must be between {Durations.Format(MinCoverageInterval)} and {Durations.Format(MaxCoverageInterval)}, but was {Durations.Format(coverage.Interval)}");
        }

        if (coverage.MaxAge is { } maxAge && maxAge <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}:MaxAge must be a positive duration such as 90d, or left out to count a completion of any age, but was {Durations.Format(maxAge)}");
        }

        // Only the shape is checked here: a folder that is missing or unwritable is reported by the store at run time,
        // and never stops Watcher.
        if (coverage.StorePath is { Length: > 0 } path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                failures.Add($"{Prefix}:StorePath must be a file path, or empty to keep completions in memory only, but was only whitespace");
            }
            else if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                failures.Add($"{Prefix}:StorePath must be a file path, but contains a character no path may hold: '{Truncate(path)}'");
            }
            else if (path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
            {
                failures.Add($"{Prefix}:StorePath must name a file such as /var/lib/watcher/coverage.db, not a folder, but was '{Truncate(path)}'");
            }
        }
    }

    private static void CheckUrl(string? value, string key, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value)
            && (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{key} must be an absolute http or https URL, but was '{value}'");
        }
    }

    private static void ValidateOrganizations(List<OrganizationOptions> organizations, List<string> failures)
    {
        const string Prefix = Section + ":Organizations";
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < organizations.Count; i++)
        {
            var organization = organizations[i];
            var key = $"{Prefix}:{i}";
            if (organization is null)
            {
                failures.Add($"{key} must be an object with at least OrganizationId");
                continue;
            }

            if (CheckOrganizationId(organization.OrganizationId, $"{key}:OrganizationId", failures)
                && !seen.TryAdd(organization.OrganizationId, i))
            {
                failures.Add($"{key} repeats {Prefix}:{seen[organization.OrganizationId]} (organization {organization.OrganizationId})");
            }

            if (!string.IsNullOrWhiteSpace(organization.Region) && !RegionPattern().IsMatch(organization.Region))
            {
                failures.Add($"{key}:Region must be a region name such as eu-west-1, but was '{organization.Region}'");
            }

            if (!string.IsNullOrWhiteSpace(organization.RoleArn) && !RoleArnPattern().IsMatch(organization.RoleArn))
            {
                failures.Add($"{key}:RoleArn must be an IAM role ARN such as arn:aws:iam::111122223333:role/WatcherReader, but was '{Truncate(organization.RoleArn)}'");
            }

            if (!string.IsNullOrEmpty(organization.ExternalId))
            {
                if (string.IsNullOrWhiteSpace(organization.RoleArn))
                {
                    failures.Add($"{key}:ExternalId is set but {key}:RoleArn is not; an external id only goes with a role to assume");
                }
                else if (!ExternalIdPattern().IsMatch(organization.ExternalId))
                {
                    // Never echo the external id: it is a shared secret of sorts.
                    failures.Add($"{key}:ExternalId must be 2 to 1224 characters of letters, digits and +=,.@:/-");
                }
            }

            if (organization.Alias is { Length: > 64 })
            {
                failures.Add($"{key}:Alias must be at most 64 characters");
            }
        }
    }

    private static void ValidateJobs(List<WatchedJobOptions> jobs, List<string> failures)
    {
        const string Prefix = Section + ":Jobs";
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

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:role/[\w+=,.@/-]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
