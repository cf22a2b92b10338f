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

    public static string ResolveRegion(AwsOptions aws, IDefaultRegionSource defaultRegion) =>
        string.IsNullOrWhiteSpace(aws.Region)
            ? defaultRegion.GetRegion() ?? throw new InvalidOperationException("Watcher:Aws:Region is not set and no default region was found.")
            : aws.Region.Trim();

    public static WorkMailClientSettings ToClientSettings(
        AwsOptions aws,
        IDefaultRegionSource defaultRegion,
        WorkMailStaticCredentials? credentials,
        Action<WorkMailRetry>? onRetry) => new()
        {
            Region = ResolveRegion(aws, defaultRegion),
            ServiceUrl = string.IsNullOrWhiteSpace(aws.ServiceUrl) ? null : new Uri(aws.ServiceUrl, UriKind.Absolute),
            UseFipsEndpoint = aws.UseFipsEndpoint,
            UseDualstackEndpoint = aws.UseDualstackEndpoint,
            RetryMode = ParseRetryMode(aws.RetryMode) ?? WorkMailRetryMode.Standard,
            MaxAttempts = aws.MaxAttempts,
            RequestTimeout = aws.RequestTimeout,
            Credentials = credentials,
            OnRetry = onRetry,
        };
}
