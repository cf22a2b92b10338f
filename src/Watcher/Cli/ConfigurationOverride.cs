namespace Watcher.Cli;

/// <summary>
/// Which command-line keys are configuration: a key path with a <c>:</c> (<c>--Watcher:PollInterval</c>,
/// <c>--Logging:LogLevel:Default</c>), or one of the host's own top-level keys (<c>--urls</c>, <c>--environment</c>).
/// Any other key is a mistyped or unknown flag: the host would take it silently, and nothing would read it.
/// </summary>
public static class ConfigurationOverride
{
    public static readonly IReadOnlySet<string> HostKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        WebHostDefaults.ServerUrlsKey,
        WebHostDefaults.HttpPortsKey,
        WebHostDefaults.HttpsPortsKey,
        WebHostDefaults.EnvironmentKey,
        WebHostDefaults.ContentRootKey,
        WebHostDefaults.ApplicationKey,
        WebHostDefaults.WebRootKey,
        WebHostDefaults.ShutdownTimeoutKey,
        WebHostDefaults.SuppressStatusMessagesKey,
        WebHostDefaults.DetailedErrorsKey,
        WebHostDefaults.PreventHostingStartupKey,
        WebHostDefaults.HostingStartupAssembliesKey,
        WebHostDefaults.HostingStartupExcludeAssembliesKey,
        "AllowedHosts",
    };

    /// <summary>Whether the configuration provider's key (the argument without its <c>--</c> or <c>/</c>) is configuration.</summary>
    public static bool IsKey(string key) =>
        key.Length > 0 && (key.Contains(':', StringComparison.Ordinal) ? !key.StartsWith(':') && !key.EndsWith(':') : HostKeys.Contains(key));
}
