using Watcher.WorkMail;

namespace Watcher.Configuration;

/// <summary>Turns validated <see cref="AwsOptions"/> into the client library's settings.</summary>
internal static class AwsSettings
{
    public static WorkMailRetryMode? ParseRetryMode(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "STANDARD" => WorkMailRetryMode.Standard,
        "ADAPTIVE" => WorkMailRetryMode.Adaptive,
        _ => null,
    };

    /// <summary>Watcher's own region, or null when neither the configuration nor the environment names one.</summary>
    public static string? ResolveRegion(AwsOptions aws, IDefaultRegionSource defaultRegion) =>
        string.IsNullOrWhiteSpace(aws.Region) ? defaultRegion.GetRegion() : aws.Region.Trim();

    /// <summary>Settings for <paramref name="region"/>; the client cache swaps in each organization's region and role.</summary>
    public static WorkMailClientSettings ToClientSettings(
        AwsOptions aws,
        string region,
        WorkMailStaticCredentials? credentials,
        Action<WorkMailRetry>? onRetry) => new()
        {
            Region = region,
            ServiceUrl = ToUri(aws.ServiceUrl),
            StsServiceUrl = ToUri(aws.StsServiceUrl),
            UseFipsEndpoint = aws.UseFipsEndpoint,
            UseDualstackEndpoint = aws.UseDualstackEndpoint,
            RetryMode = ParseRetryMode(aws.RetryMode) ?? WorkMailRetryMode.Standard,
            MaxAttempts = aws.MaxAttempts,
            RequestTimeout = aws.RequestTimeout,
            Credentials = credentials,
            OnRetry = onRetry,
        };

    private static Uri? ToUri(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Uri(value, UriKind.Absolute);
}
