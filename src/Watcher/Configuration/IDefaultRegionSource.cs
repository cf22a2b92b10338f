namespace Watcher.Configuration;

/// <summary>Where a region comes from when <c>Watcher:Aws:Region</c> is empty.</summary>
public interface IDefaultRegionSource
{
    /// <summary>The region from <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c> or the shared profile, or null.</summary>
    string? GetRegion();
}
