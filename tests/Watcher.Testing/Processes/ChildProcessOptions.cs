namespace Watcher.Testing.Processes;

/// <summary>How to start a <see cref="ChildProcess"/>.</summary>
public sealed record ChildProcessOptions
{
    /// <summary>The working directory; the repository root when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set; a null value removes the variable the child would otherwise inherit.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Start from an empty environment instead of this process's, as a container would.</summary>
    public bool ClearEnvironment { get; init; }

    /// <summary>
    /// When set, the child runs under <c>timeout</c>, which kills it after this long even if the test process
    /// dies without disposing it. Signals sent to the child reach it through <c>timeout</c>.
    /// </summary>
    public TimeSpan? MaxLifetime { get; init; }

    /// <summary>The signal <c>timeout</c> sends when <see cref="MaxLifetime"/> runs out.</summary>
    public string LifetimeSignal { get; init; } = "KILL";
}
