using Watcher.WorkMail;

namespace Watcher.Configuration;

/// <summary>Reads the region the way the AWS CLI and SDKs do, short of instance metadata.</summary>
internal sealed class EnvironmentRegionSource : IDefaultRegionSource
{
    public string? GetRegion() =>
        NonEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))
        ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"))
        ?? SharedProfileRegion.Find(Environment.GetEnvironmentVariable("AWS_PROFILE"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
