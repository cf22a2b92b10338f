namespace Watcher.EndToEnd.Tests.Support;

/// <summary>One real Prometheus and Watcher at a time: they are heavy for a 2-core machine, and timing matters.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealPrometheus
{
    public const string Name = "Real Prometheus";
}
