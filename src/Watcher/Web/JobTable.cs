using System.Globalization;
using Watcher.Jobs;

namespace Watcher.Web;

/// <summary>
/// The status page's table of jobs: one row each, under a heading row per organization, sorted by
/// organization, then state (problems first), then newest start.
/// </summary>
internal static class JobTable
{
    /// <summary>
    /// The most job rows one page lists. Past a few thousand rows a browser is slow to lay the table out
    /// again at every refresh and nobody reads them; the header still counts every job, and /metrics has them all.
    /// </summary>
    public const int MaxRows = 2_000;

    private const int Columns = 8;

    public static void Write(TextWriter writer, StatusPageModel model)
    {
        var rows = Rows(model);
        writer.Write("<h2>Export jobs</h2>\n");
        if (rows.Count < model.Jobs.Count)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"truncated\">Showing {rows.Count} of {model.Jobs.Count} jobs: failed, unknown and running jobs first, then the most recently started. The counts above cover every job, and /metrics has them all.</p>\n"));
        }

        writer.Write("<table class=\"jobs\" id=\"jobs\">\n<thead><tr><th>Job / entity</th><th>Description</th><th>State</th><th>Progress</th><th>Started</th><th>Duration</th><th>Last good poll</th><th>Last error</th></tr></thead>\n<tbody>\n");
        var perOrganization = rows.CountBy(j => j.Key.OrganizationId).ToDictionary(StringComparer.Ordinal);
        string? organization = null;
        foreach (var job in rows)
        {
            if (job.Key.OrganizationId != organization)
            {
                organization = job.Key.OrganizationId;
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"<tr class=\"group\"><th colspan=\"{Columns}\">"));
                StatusHtml.Organization(writer, model.Organizations, organization);
                var count = perOrganization[organization];
                writer.Write(string.Create(CultureInfo.InvariantCulture, $" <small>{Plural.Of(count, "job")}</small></th></tr>\n"));
            }

            JobRow.Write(writer, model, job);
        }

        writer.Write("</tbody>\n</table>\n");
        if (model.Jobs.Count == 0)
        {
            writer.Write("<p class=\"note\">No job is watched yet.</p>\n");
        }
    }

    private static List<ExportJobSnapshot> Rows(StatusPageModel model)
    {
        IEnumerable<ExportJobSnapshot> shown = model.Jobs;
        if (model.Jobs.Count > MaxRows)
        {
            // Keep the rows that matter most, whichever organization they are in.
            shown = model.Jobs
                .OrderBy(j => JobStatus.Rank(JobStatus.Of(j)))
                .ThenByDescending(j => j.Details?.StartTime ?? DateTimeOffset.MaxValue)
                .Take(MaxRows);
        }

        return [.. shown
            .OrderBy(j => StatusHtml.Alias(model.Organizations, j.Key.OrganizationId) ?? j.Key.OrganizationId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(j => j.Key.OrganizationId, StringComparer.Ordinal)
            .ThenBy(j => JobStatus.Rank(JobStatus.Of(j)))
            .ThenByDescending(j => j.Details?.StartTime ?? DateTimeOffset.MaxValue)
            .ThenBy(j => j.Key.JobId, StringComparer.Ordinal)];
    }
}
