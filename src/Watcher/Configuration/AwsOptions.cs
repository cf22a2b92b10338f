namespace Watcher.Configuration;

/// <summary>The <c>Watcher:Aws</c> section: where and how to call WorkMail.</summary>
public sealed class AwsOptions
{
    /// <summary>The region; when empty, <c>AWS_REGION</c> or the shared profile supplies it.</summary>
    public string? Region { get; set; }

    /// <summary>A custom endpoint; <c>AWS_ENDPOINT_URL_WORKMAIL</c> is honoured when this is empty.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>A custom STS endpoint for role assumption; <c>AWS_ENDPOINT_URL_STS</c> is honoured when this is empty.</summary>
    public string? StsServiceUrl { get; set; }

    public bool UseFipsEndpoint { get; set; }

    public bool UseDualstackEndpoint { get; set; }

    /// <summary><c>Standard</c> or <c>Adaptive</c>.</summary>
    public string RetryMode { get; set; } = "Standard";

    /// <summary>Attempts per call, the first one included.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>HTTP attempts per second per region, the SDK's retries included, shared by every poll.</summary>
    public double MaxRequestsPerSecond { get; set; } = 10;
}
