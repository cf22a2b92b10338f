namespace Watcher.WorkMail;

/// <summary>The SDK retry modes Watcher offers.</summary>
public enum WorkMailRetryMode
{
    Standard,
    Adaptive,
}
