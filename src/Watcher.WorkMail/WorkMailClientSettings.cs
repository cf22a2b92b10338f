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

    /// <summary>
    /// When set, WorkMail calls are signed with this role's temporary credentials, obtained from STS with
    /// <see cref="Credentials"/> (or the default chain) as the source and refreshed before they expire.
    /// </summary>
    public WorkMailAssumeRole? AssumeRole { get; init; }

    /// <summary>
    /// A custom STS endpoint for <see cref="AssumeRole"/>. When null, <c>AWS_ENDPOINT_URL_STS</c> or the regional
    /// STS endpoint of <see cref="Region"/> applies.
    /// </summary>
    public Uri? StsServiceUrl { get; init; }

    /// <summary>Called once for every retry the SDK makes, with the operation and the error code that caused it.</summary>
    public Action<WorkMailRetry>? OnRetry { get; init; }

    /// <summary>
    /// Called when a call fails with an error the SDK would retry, with attempts left, because the SDK's retry quota
    /// is spent (see docs/failure-modes.md): the call fails at once with that error. The error code is the call's last.
    /// </summary>
    public Action<WorkMailRetry>? OnRetryRefused { get; init; }

    /// <summary>
    /// Awaited before every HTTP attempt of a WorkMail call, the SDK's retries included (not STS calls), with the
    /// call's cancellation token; for example a request-rate limiter. Its wait does not count against <see cref="RequestTimeout"/>.
    /// </summary>
    public Func<CancellationToken, ValueTask>? BeforeAttempt { get; init; }
}
