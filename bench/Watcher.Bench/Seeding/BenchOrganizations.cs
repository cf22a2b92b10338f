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

    /// <summary>Holds a directory of <paramref name="mailboxes"/> counted mailboxes and their export jobs.</summary>
    public static string Coverage(int mailboxes) => Id(4, mailboxes);

    /// <summary>The same directory with no export job listed: every completion comes from the store.</summary>
    public static string DirectoryOnly(int mailboxes) => Id(5, mailboxes);

    private static string Id(int mode, int count) =>
        "m-b" + mode.ToString(CultureInfo.InvariantCulture) + count.ToString("x30", CultureInfo.InvariantCulture);
}
