namespace Watcher.WorkMail;

/// <summary>How to build a WorkMail client, in Watcher's own terms rather than the SDK's.</summary>
public sealed record WorkMailClientSettings
{
    /// <summary>The AWS region, e.g. <c>eu-west-1</c>. Required: it is also the SigV4 signing scope.</summary>
    public required string Region { get; init; }

    /// <summary>A custom endpoint. When null, <c>AWS_ENDPOINT_URL_WORKMAIL</c> or the endpoint rules apply.</summary>
    public Uri? ServiceUrl { get; init; }

    public bool UseFipsEndpoint { get; init; }

    public bool UseDualstackEndpoint { get; init; }

    public WorkMailRetryMode RetryMode { get; init; } = WorkMailRetryMode.Standard;

    /// <summary>Attempts per call, the first one included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The timeout of each HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Static credentials; when null the SDK's default credential chain is used.</summary>
    public WorkMailStaticCredentials? Credentials { get; init; }

    /// <summary>Called once for every retry the SDK makes, with the operation and the error code that caused it.</summary>
    public Action<WorkMailRetry>? OnRetry { get; init; }
}
