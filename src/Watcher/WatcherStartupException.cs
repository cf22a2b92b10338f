namespace Watcher;

/// <summary>
/// Watcher cannot start, for a reason the user can fix: invalid configuration, or an address it cannot listen on.
/// Only <c>Program.cs</c> turns it into an exit code, so the builders stay safe for tests to call.
/// </summary>
public sealed class WatcherStartupException : Exception
{
    public const int InvalidConfigurationExitCode = 2;
    public const int CannotListenExitCode = 3;

    public WatcherStartupException()
    {
    }

    public WatcherStartupException(string message)
        : base(message)
    {
    }

    public WatcherStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private WatcherStartupException(string headline, IReadOnlyList<string> details, int exitCode, Exception? innerException)
        : base(headline, innerException)
    {
        Details = details;
        ExitCode = exitCode;
    }

    /// <summary>One line per problem, each naming what to fix (a key path, an address).</summary>
    public IReadOnlyList<string> Details { get; } = [];

    public int ExitCode { get; } = 1;

    public static WatcherStartupException InvalidConfiguration(IEnumerable<string> failures, Exception? innerException = null) =>
        new("Watcher cannot start because its configuration is invalid:", [.. failures], InvalidConfigurationExitCode, innerException);

    public static WatcherStartupException CannotListen(string problem, Exception innerException) =>
        new("Watcher cannot start because it cannot listen:", [problem], CannotListenExitCode, innerException);

    /// <summary>The headline and one indented line per detail, as printed on standard error.</summary>
    public string Report() => string.Join(Environment.NewLine, Details.Select(d => $"  {d}").Prepend(Message));
}
