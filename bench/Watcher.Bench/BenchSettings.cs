namespace Watcher.Bench;

/// <summary>What one run measures and for how long; <c>--quick</c> trades precision for a few minutes.</summary>
internal sealed record BenchSettings
{
    public bool Quick { get; init; }

    /// <summary>The watched-job counts compared side by side.</summary>
    public IReadOnlyList<int> Scales { get; init; } = [10, 1_000, 10_000];

    /// <summary>Per endpoint, split into alternating rounds so that a noisy neighbour hits both alike.</summary>
    public TimeSpan ScrapeDuration { get; init; } = TimeSpan.FromSeconds(10);

    public int ScrapeClients { get; init; } = 2;

    public int CycleJobs { get; init; } = 10_000;

    public int CycleConcurrency { get; init; } = 16;

    public TimeSpan CycleLatency { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Starts of the real binary at each scale; the median is reported.</summary>
    public int StartupRepeats { get; init; } = 5;

    /// <summary>Sections to run (scale, startup, micro, cycle); all by default.</summary>
    public IReadOnlySet<string> Sections { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "scale", "startup", "micro", "cycle" };

    /// <summary>The Watcher build whose startup is timed; the Release build of src/Watcher when null.</summary>
    public string? WatcherBinary { get; init; }

    public bool Runs(string section) => Sections.Contains(section);

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--quick" => settings with
                {
                    Quick = true,
                    ScrapeDuration = TimeSpan.FromSeconds(3),
                    CycleJobs = 2_000,
                    StartupRepeats = 2,
                },
                "--only" when i + 1 < args.Length => settings with
                {
                    Sections = new HashSet<string>(args[++i].Split(','), StringComparer.OrdinalIgnoreCase),
                },
                "--watcher" when i + 1 < args.Length => settings with { WatcherBinary = args[++i] },
                "--scales" when i + 1 < args.Length => settings with
                {
                    Scales = [.. args[++i].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))],
                },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --quick, --only scale,startup,micro,cycle, --scales 10,1000, --watcher PATH."),
            };
        }

        return settings;
    }
}
