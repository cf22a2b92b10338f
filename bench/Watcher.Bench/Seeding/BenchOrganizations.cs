using System.Globalization;

namespace Watcher.Bench.Seeding;

/// <summary>Organization ids of the harness: one per scale and mode, so that runs never see each other's jobs.</summary>
internal static class BenchOrganizations
{
    /// <summary>Holds no jobs: the 0-job host that memory is measured against.</summary>
    public const string Empty = "m-b0000000000000000000000000000000";

    public static string Explicit(int jobs) => Id(1, jobs);

    public static string Discovered(int jobs) => Id(2, jobs);

    public static string Cycle(int jobs) => Id(3, jobs);

    private static string Id(int mode, int jobs) =>
        "m-b" + mode.ToString(CultureInfo.InvariantCulture) + jobs.ToString("x30", CultureInfo.InvariantCulture);
}
