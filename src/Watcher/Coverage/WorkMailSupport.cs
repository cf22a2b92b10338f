namespace Watcher.Coverage;

/// <summary>WorkMail's end of support, which every coverage projection is measured against.</summary>
public static class WorkMailSupport
{
    /// <summary>2027-03-31T00:00:00Z, as AWS announced it.</summary>
    public static readonly DateTimeOffset EndsAt = new(2027, 3, 31, 0, 0, 0, TimeSpan.Zero);
}
