namespace Watcher.Browser.Tests.Support;

/// <summary>
/// Tests that run the real app share one non-parallel collection: OTel's AddMeter(name) matches every Meter
/// of that name in the process, so two hosts at once would see each other's series.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SequentialHosts
{
    public const string Name = "Watcher hosts";
}
