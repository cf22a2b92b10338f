namespace Watcher.Configuration;

/// <summary>The <c>Watcher:Metrics</c> section.</summary>
public sealed class MetricsOptions
{
    /// <summary>Adds role_arn and kms_key_arn to <c>workmail_export_job_info</c>. Off, because ARNs name accounts.</summary>
    public bool IncludeArns { get; set; }
}
