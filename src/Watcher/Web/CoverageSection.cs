using System.Globalization;
using Watcher.Coverage;

namespace Watcher.Web;

/// <summary>
/// The coverage part of the status page: a bar per organization (exported of counted mailboxes, as of its last scan),
/// then the mailboxes with no completed export, those whose last export failed first with WorkMail's ErrorInfo.
/// </summary>
internal static class CoverageSection
{
    /// <summary>Enough to work through in one sitting; the metric lists them all.</summary>
    public const int MaxRowsPerOrganization = 500;

    /// <summary>Beyond this a date means nothing (and would overflow a DateTimeOffset at a slow enough pace).</summary>
    private const double MaxProjectedDays = 3650;

    public static void Write(TextWriter writer, StatusPageModel model)
    {
        var scans = (model.Coverage?.Values ?? [])
            .Where(s => model.Organizations.ContainsKey(s.OrganizationId))
            .OrderBy(s => StatusHtml.Alias(model.Organizations, s.OrganizationId) ?? s.OrganizationId, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (scans.Count == 0)
        {
            return;
        }

        writer.Write("<h2>Export coverage</h2>\n<p class=\"sub\">Mailboxes are users with role USER and resources, ENABLED or DISABLED. WorkMail support ends on 2027-03-31.</p>\n<table class=\"orgs\" id=\"coverage\">\n<thead><tr><th>Organization</th><th>Exported</th><th>Coverage</th><th>Pace (7 days)</th><th>Finish at this pace</th><th>Last scan</th></tr></thead>\n<tbody>\n");
        foreach (var scan in scans)
        {
            writer.Write("<tr class=\"coverage\"><td>");
            StatusHtml.Organization(writer, model.Organizations, scan.OrganizationId);
            writer.Write("</td>");
            if (scan.Coverage is { } coverage)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"<td class=\"num\">{coverage.Exported} of {coverage.Mailboxes.Length}</td><td><progress max=\"{coverage.Mailboxes.Length}\" value=\"{coverage.Exported}\"></progress> {StatusFormat.Percent(coverage.Ratio)}</td><td class=\"num\">{coverage.CompletionsPerDay:0.#} a day</td><td class=\"projection\">"));
                WriteProjection(writer, coverage, model.Now);
                writer.Write("</td><td>");
            }
            else
            {
                writer.Write("<td>-</td><td>-</td><td>-</td><td>-</td><td>");
            }

            if (!scan.LastScanSucceeded)
            {
                writer.Write("<span class=\"err\">failed: <span class=\"mono\">");
                StatusHtml.Text(writer, scan.LastErrorCode ?? "unknown error");
                writer.Write("</span></span>; last good ");
            }

            StatusHtml.Ago(writer, scan.LastScanSuccessAt, model.Now);
            writer.Write("</td></tr>\n");
        }

        writer.Write("</tbody>\n</table>\n");
        foreach (var scan in scans)
        {
            WriteUnexported(writer, model, scan);
        }
    }

    /// <summary>When the mailboxes left are done at the last 7 days' pace, against the end of support, and the pace that would make it.</summary>
    private static void WriteProjection(TextWriter writer, OrganizationCoverage coverage, DateTimeOffset now)
    {
        var daysLeft = (WorkMailSupport.EndsAt - now).TotalDays;
        switch (coverage.DaysToFinish)
        {
            case 0:
                writer.Write("<span class=\"ok\">done</span>");
                return;
            case null:
                writer.Write("<span class=\"err\">never: nothing exported in the last 7 days</span>");
                break;
            case > MaxProjectedDays:
                writer.Write("<span class=\"err\">in more than 10 years, after the end of support</span>");
                break;
            case { } days when days > daysLeft:
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"<span class=\"err\">{now.AddDays(days):yyyy-MM-dd}, after the end of support</span>"));
                break;
            case { } days:
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"<span class=\"ok\">{now.AddDays(days):yyyy-MM-dd}</span>"));
                break;
        }

        if (daysLeft > 0)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"; in time at {Math.Ceiling(coverage.Unexported / daysLeft * 10) / 10:0.#} a day"));
        }
    }

    private static void WriteUnexported(TextWriter writer, StatusPageModel model, CoverageScanState scan)
    {
        if (scan.Coverage is not { Unexported: > 0 } coverage)
        {
            return;
        }

        // Problems first: the newest failures, then everyone never exported, by email.
        var unexported = coverage.Mailboxes
            .Where(m => m.LastCompletedAt is null)
            .OrderBy(m => m.LastFailure is null)
            .ThenByDescending(m => m.LastFailure?.At)
            .ThenBy(m => m.Email ?? m.Name ?? m.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        writer.Write("<h3>No completed export: ");
        StatusHtml.Organization(writer, model.Organizations, scan.OrganizationId);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $" ({unexported.Count})</h3>\n<table class=\"jobs unexported\">\n<thead><tr><th>Email</th><th>Name</th><th>Kind</th><th>Last failure</th></tr></thead>\n<tbody>\n"));
        foreach (var mailbox in unexported.Take(MaxRowsPerOrganization))
        {
            writer.Write(mailbox.LastFailure is null ? "<tr class=\"mailbox\"><td class=\"mono\">" : "<tr class=\"mailbox failed\"><td class=\"mono\">");
            StatusHtml.Text(writer, mailbox.Email ?? mailbox.Id);
            writer.Write("</td><td>");
            StatusHtml.Text(writer, mailbox.Name);
            writer.Write("</td><td>");
            writer.Write(mailbox.Kind == MailboxKind.User ? "user" : "resource");
            writer.Write("</td><td>");
            if (mailbox.LastFailure is { } failure)
            {
                writer.Write("<span class=\"err\">");
                StatusHtml.Text(writer, failure.ErrorInfo ?? "FAILED (no ErrorInfo yet)");
                writer.Write("</span> <span class=\"mono\">");
                StatusHtml.Text(writer, failure.JobId);
                writer.Write("</span>, ");
                StatusHtml.Ago(writer, failure.At, model.Now);
            }
            else
            {
                writer.Write("none");
            }

            writer.Write("</td></tr>\n");
        }

        if (unexported.Count > MaxRowsPerOrganization)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<tr><td colspan=\"4\">and {unexported.Count - MaxRowsPerOrganization} more: <span class=\"mono\">workmail_mailbox_last_export_completed_timestamp_seconds == 0</span> lists them all</td></tr>\n"));
        }

        writer.Write("</tbody>\n</table>\n");
    }
}
