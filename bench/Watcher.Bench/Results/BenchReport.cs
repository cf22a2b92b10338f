namespace Watcher.Bench.Results;

/// <summary>Everything one run measured; written as latest.json and latest.md.</summary>
internal sealed class BenchReport
{
    public required string Command { get; init; }

    public required DateTimeOffset RanAt { get; init; }

    public required bool Quick { get; init; }

    public required MachineInfo Machine { get; init; }

    /// <summary>Wall-clock time of the whole run.</summary>
    public double Seconds { get; set; }

    /// <summary>One object per scale (watched jobs), so that a script can compare runs.</summary>
    public List<ScaleResult> Scales { get; } = [];

    /// <summary>The 0-job host every memory delta, per job and per mailbox, is taken against.</summary>
    public MemoryResult? EmptyHost { get; set; }

    /// <summary>Starts of the real binary, one object per job count, the 0-job host first.</summary>
    public List<StartupResult> Startup { get; } = [];

    /// <summary>One object per number of mailboxes in the watched organization's directory.</summary>
    public List<CoverageResult> Coverage { get; } = [];

    public List<MicroResult> Micro { get; } = [];

    public CycleResult? Cycle { get; set; }

    public List<TargetResult> Targets { get; } = [];
}
