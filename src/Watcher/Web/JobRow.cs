using System.Globalization;
using Watcher.Jobs;

namespace Watcher.Web;

/// <summary>One job's row of the status page.</summary>
internal static class JobRow
{
    public static void Write(TextWriter writer, StatusPageModel model, ExportJobSnapshot job)
    {
        var status = JobStatus.Of(job);
        var details = job.Details;
        var stale = job.PollAttempted && !job.LastPollSucceeded;

        writer.Write(stale ? "<tr class=\"job stale\" data-organization-id=\"" : "<tr class=\"job\" data-organization-id=\"");
        StatusHtml.Text(writer, job.Key.OrganizationId);
        writer.Write("\" data-job-id=\"");
        StatusHtml.Text(writer, job.Key.JobId);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\" data-state=\"{status}\"><td><div class=\"mono job-id\">"));
        StatusHtml.Text(writer, job.Key.JobId);
        writer.Write("</div><small>entity <span class=\"mono entity\">");
        StatusHtml.Text(writer, details?.EntityId);
        writer.Write("</span></small></td><td class=\"desc\">");
        StatusHtml.Text(writer, details?.Description);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"</td><td><span class=\"state {JobStatus.CssClass(status)}\">{status}</span></td><td class=\"num\">"));
        if (details is not null)
        {
            var progress = Math.Clamp(details.EstimatedProgress, 0, 100);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<span class=\"bar\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"{progress}\"><span class=\"fill {JobStatus.CssClass(status)} w{progress}\"></span></span><span class=\"pct\">{progress}%</span>"));
        }

        writer.Write("</td><td class=\"num started\">");
        if (details is not null)
        {
            StatusHtml.Time(writer, details.StartTime);
        }

        writer.Write("</td><td class=\"num duration\">");
        if (details is not null)
        {
            writer.Write(StatusFormat.Duration((details.EndTime ?? model.Now) - details.StartTime));
        }

        writer.Write("</td><td class=\"num last-poll\">");
        StatusHtml.Ago(writer, job.LastPollSuccessAt, model.Now);
        writer.Write("</td><td class=\"err last-error\">");
        WriteLastError(writer, job, stale);
        writer.Write("</td></tr>\n");
    }

    /// <summary>Why the row may be out of date (the last poll failed), and why the job failed (its ErrorInfo).</summary>
    private static void WriteLastError(TextWriter writer, ExportJobSnapshot job, bool stale)
    {
        if (stale)
        {
            writer.Write("<div class=\"poll-error\"><span class=\"mono\">");
            StatusHtml.Text(writer, job.LastErrorCode ?? "unknown error");
            writer.Write("</span>: ");
            StatusHtml.Text(writer, job.LastErrorMessage);
            writer.Write("</div>");
        }

        if (job.Details?.ErrorInfo is { Length: > 0 } errorInfo)
        {
            writer.Write("<div class=\"error-info\">");
            StatusHtml.Text(writer, errorInfo);
            writer.Write("</div>");
        }
    }
}
