using System.Reflection;

namespace Watcher.Metrics;

/// <summary>The version and source revision stamped into the assembly at build time.</summary>
internal static class BuildInfo
{
    static BuildInfo()
    {
        var informational = typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        Version = plus < 0 ? informational : informational[..plus];
        Revision = plus < 0 ? "unknown" : informational[(plus + 1)..];
    }

    public static string Version { get; }

    public static string Revision { get; }
}
