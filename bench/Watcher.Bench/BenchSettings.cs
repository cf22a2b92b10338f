namespace Watcher.Bench;

/// <summary>What one run measures and for how long; <c>--quick</c> trades precision for a few minutes.</summary>
internal sealed record BenchSettings
{
    public bool Quick { get; init; }

    /// <summary>The arguments the run was started with, for the report.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// The watched-job counts compared side by side by the scale section and started at by the startup section,
    /// which also always starts a host watching one organization with no jobs (the smallest configuration the
    /// validator accepts) for the idle RSS; a 0 here adds nothing.
    /// </summary>
    public IReadOnlyList<int> Scales { get; init; } = [10, 1_000, 10_000];

    /// <summary>
    /// The counted mailboxes (users with role USER and resources, ENABLED or DISABLED) in the directory of the
    /// organization the coverage section watches; its directory also lists entries that must not count.
    /// </summary>
    public IReadOnlyList<int> Mailboxes { get; init; } = [1_000, 10_000];

    /// <summary>Per endpoint, split into alternating rounds so that a noisy neighbour hits both alike.</summary>
    public TimeSpan ScrapeDuration { get; init; } = TimeSpan.FromSeconds(10);

    public int ScrapeClients { get; init; } = 2;

    public int CycleJobs { get; init; } = 10_000;

    public int CycleConcurrency { get; init; } = 16;

    public TimeSpan CycleLatency { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Starts of the real binary at up to 10 jobs; half as many up to 1 000; the median is reported.</summary>
    public int StartupRepeats { get; init; } = 5;

    /// <summary>Starts of the real binary above 1 000 jobs, each of which takes seconds.</summary>
    public int LargeStartupRepeats { get; init; } = 3;

    /// <summary>Every section, in the order a full run runs them.</summary>
    public static IReadOnlyList<string> AllSections { get; } = ["micro", "scale", "startup", "coverage", "cycle"];

    /// <summary>Sections to run; all by default.</summary>
    public IReadOnlySet<string> Sections { get; init; } = new HashSet<string>(AllSections, StringComparer.OrdinalIgnoreCase);

    /// <summary>The Watcher build whose startup is timed; the Release build of src/Watcher when null.</summary>
    public string? WatcherBinary { get; init; }

    /// <summary>Job counts of both sections above 0; the startup section always starts a 0-job host first.</summary>
    public IEnumerable<int> ScaleJobs => Scales.Where(jobs => jobs > 0);

    public bool Runs(string section) => Sections.Contains(section);

    /// <summary>
    /// The name of the results files: <c>latest</c> for a run of every section, else the sections run (for example
    /// <c>coverage</c>), so that a partial run never replaces the full run's figures of the sections it skipped.
    /// </summary>
    public string ResultsName => AllSections.All(Runs)
        ? "latest"
        : string.Join('-', Sections.Select(s => s.ToLowerInvariant()).Order(StringComparer.Ordinal));

    /// <summary>Starts of the real binary at <paramref name="jobs"/> jobs.</summary>
    public int StartupRepeatsAt(int jobs) => jobs switch
    {
        <= 10 => StartupRepeats,
        <= 1_000 => Math.Max(1, StartupRepeats / 2),
        _ => LargeStartupRepeats,
    };

    public static BenchSettings Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new BenchSettings { Arguments = args };
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
                    LargeStartupRepeats = 1,
                },
                "--only" when i + 1 < args.Length => settings with
                {
                    Sections = new HashSet<string>(args[++i].Split(','), StringComparer.OrdinalIgnoreCase),
                },
                "--watcher" when i + 1 < args.Length => settings with { WatcherBinary = args[++i] },
                "--scales" when i + 1 < args.Length => settings with { Scales = Counts(args[++i]) },
                "--mailboxes" when i + 1 < args.Length => settings with { Mailboxes = [.. Counts(args[++i]).Where(n => n > 0)] },
                _ => throw new ArgumentException(
                    $"Unknown argument '{args[i]}'. Use --quick, --only {string.Join(',', AllSections)}, --scales 10,1000,10000, --mailboxes 1000,10000, --watcher PATH."),
            };
        }

        if (settings.Sections.FirstOrDefault(s => !AllSections.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new ArgumentException($"Unknown section '{unknown}'. Sections: {string.Join(", ", AllSections)}.");
        }

        return settings;
    }

    private static int[] Counts(string list) =>
        [.. list.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).Distinct()];
}
