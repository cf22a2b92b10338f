using System.Globalization;
using System.Text;
using Watcher.Simulator.Jobs;

namespace Watcher.Simulator.Operations;

/// <summary>The opaque NextToken of ListMailboxExportJobs: a cursor bound to its organization.</summary>
internal static class ListToken
{
    private const string Version = "v1";

    public static string Encode(string organizationId, JobCursor cursor) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{Version}\n{organizationId}\n{cursor.StartTicks}\n{cursor.JobId}")));

    public static JobCursor? Decode(string token, string organizationId)
    {
        var bytes = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, bytes, out var length))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes, 0, length).Split('\n');
        return parts.Length == 4
            && parts[0] == Version
            && parts[1] == organizationId
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && parts[3].Length > 0
            ? new JobCursor(ticks, parts[3])
            : null;
    }
}
