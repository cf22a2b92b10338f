using Microsoft.AspNetCore.Builder;
using Watcher.Testing.Time;

namespace Watcher.Testing.Hosting;

/// <summary>What a <see cref="WatcherTestHost"/> starts with.</summary>
public sealed record WatcherTestHostOptions
{
    /// <summary>Written to appsettings.json in the host's own content root; without it the content root stays empty.</summary>
    public object? WatcherSection { get; init; }

    /// <summary>Runs before Watcher's services are added, e.g. to add configuration, credentials or logging.</summary>
    public Func<WebApplicationBuilder, Task>? ConfigureAsync { get; init; }

    /// <summary>When set, the app, its scheduler and its request budget run on this clock instead of the system's.</summary>
    public SimulatedTime? Time { get; init; }
}
