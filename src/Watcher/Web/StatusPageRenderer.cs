using System.Globalization;
using System.Text;
using Watcher.Clients;
using Watcher.Coverage;

namespace Watcher.Web;

/// <summary>
/// Writes the status page at <c>/</c>: counts by state, Watcher's own health, the organizations it lists, and
/// the <see cref="JobTable"/>. Everything that came from WorkMail or from the configuration is HTML-encoded
/// (<see cref="StatusHtml.Text"/>); only the page's own markup is written raw.
/// </summary>
internal static class StatusPageRenderer
{
    public static string Render(StatusPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var capacity = 8192 + (Math.Min(model.Jobs.Count, JobTable.MaxRows) * 800);
        using var writer = new StringWriter(new StringBuilder(capacity), CultureInfo.InvariantCulture);
        Render(writer, model);
        return writer.ToString();
    }

    public static void Render(TextWriter writer, StatusPageModel model)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(model);

        writer.Write("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (model.RefreshSeconds > 0)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"{model.RefreshSeconds}\">\n"));
        }

        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<title>Watcher: {Plural.Of(model.Jobs.Count, "export job")}</title>\n<style>"));
        writer.Write(StatusPageStyle.Css);
        writer.Write("</style>\n</head>\n<body>\n<header>\n<h1>Watcher</h1>\n<p class=\"sub\">Amazon WorkMail mailbox export jobs. Times are UTC; generated ");
        StatusHtml.Time(writer, model.Now);
        writer.Write(model.RefreshSeconds > 0
            ? string.Create(CultureInfo.InvariantCulture, $", reloads every {model.RefreshSeconds} s.</p>\n")
            : ".</p>\n");
        StatusHtml.Links(writer);
        writer.Write("</header>\n");

        WriteCounts(writer, model);
        WriteHealth(writer, model);
        WriteOrganizations(writer, model);
        CoverageSection.Write(writer, model);
        JobTable.Write(writer, model);

        writer.Write("<footer>\n");
        StatusHtml.Links(writer);
        writer.Write("</footer>\n</body>\n</html>\n");
    }

    private static void WriteCounts(TextWriter writer, StatusPageModel model)
    {
        var counts = JobStatus.All.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        foreach (var job in model.Jobs)
        {
            counts[JobStatus.Of(job)]++;
        }

        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<div class=\"counts\" id=\"counts\">\n<span class=\"count\" data-state=\"ALL\">jobs<b>{model.Jobs.Count}</b></span>\n"));
        foreach (var status in JobStatus.All)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<span class=\"count state {JobStatus.CssClass(status)}\" data-state=\"{status}\">{status}<b>{counts[status]}</b></span>\n"));
        }

        writer.Write("</div>\n");
    }

    private static void WriteHealth(TextWriter writer, StatusPageModel model)
    {
        var activity = model.Activity;
        var lastPollSuccess = model.Jobs.Max(j => j.LastPollSuccessAt);
        if (model.Organizations.Values.Max(o => o.LastPollSuccessAt) is { } listed && !(lastPollSuccess >= listed))
        {
            lastPollSuccess = listed;
        }

        writer.Write("<dl class=\"health\" id=\"health\">\n<dt>Ready</dt><dd id=\"ready\">");
        writer.Write((model.IsReady, model.CredentialProblems.Count) switch
        {
            (false, _) => "<span class=\"err\">no: the first poll of every job has not finished</span>",
            (true, 0) => "<span class=\"ok\">yes</span>",

            // Readiness gates scraping: a Watcher whose calls fail must still be scraped for the alerts to fire.
            _ => "yes <small>(every job polled once; /readyz stays 200 so that Prometheus keeps scraping and the alerts see the failures)</small>",
        });
        writer.Write("</dd>\n<dt>WorkMail credentials</dt><dd id=\"credentials\">");
        WriteCredentials(writer, model);
        if (model.CoverageStoreHealth is { } store)
        {
            writer.Write("</dd>\n<dt>Coverage store</dt><dd id=\"coverage-store\">");
            WriteCoverageStore(writer, model.CoverageStorePath, store);
        }

        writer.Write("</dd>\n<dt>Last API call</dt><dd>");
        StatusHtml.Ago(writer, activity.LastCallAt, model.Now);
        writer.Write("</dd>\n<dt>Last successful poll</dt><dd>");
        StatusHtml.Ago(writer, lastPollSuccess, model.Now);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"</dd>\n<dt>API, last {ApiActivity.Window.TotalMinutes:0} min</dt><dd id=\"api-recent\">"));
        WriteApiCounts(writer, activity.Recent);
        writer.Write("</dd>\n<dt>API, since start</dt><dd id=\"api-total\">");
        WriteApiCounts(writer, activity.SinceStart);
        writer.Write("</dd>\n<dt>Last API error</dt><dd>");
        if (activity.LastErrorCode is { } code)
        {
            writer.Write("<span class=\"err mono\">");
            StatusHtml.Text(writer, code);
            writer.Write("</span> ");
            StatusHtml.Ago(writer, activity.LastErrorAt, model.Now);
        }
        else
        {
            writer.Write("none");
        }

        writer.Write("</dd>\n</dl>\n");
    }

    private static void WriteCoverageStore(TextWriter writer, string? path, CompletionStoreHealth store)
    {
        if (store.Status == CompletionStoreStatus.Unavailable)
        {
            writer.Write("<span class=\"err\">");
            StatusHtml.Text(writer, store.Reason ?? "unavailable");
            writer.Write("</span> <small>(completed exports are remembered in memory until the file works again, then written to it; a restart meanwhile loses them)</small>");
        }
        else if (path is null)
        {
            writer.Write("memory only <small>(no Watcher:Coverage:StorePath: completed exports are lost on restart and come back only for the last 7 days)</small>");
        }
        else
        {
            writer.Write("<span class=\"ok mono\">");
            StatusHtml.Text(writer, path);
            writer.Write("</span>");
        }
    }

    private static void WriteCredentials(TextWriter writer, StatusPageModel model)
    {
        if (model.CredentialProblems.Count == 0)
        {
            writer.Write(model.Activity.LastCallAt is null ? "no call yet" : "<span class=\"ok\">no credential errors</span>");
            return;
        }

        foreach (var problem in model.CredentialProblems)
        {
            writer.Write("<div class=\"err credential-problem\"><span class=\"mono\">");
            StatusHtml.Text(writer, problem.ErrorCode);
            writer.Write("</span> for ");
            for (var i = 0; i < problem.OrganizationIds.Count; i++)
            {
                writer.Write(i == 0 ? string.Empty : ", ");
                StatusHtml.Organization(writer, model.Organizations, problem.OrganizationIds[i]);
            }

            writer.Write(", failing since ");
            StatusHtml.Time(writer, problem.Since);
            writer.Write(", last ");
            StatusHtml.Ago(writer, problem.LastSeenAt, model.Now);
            writer.Write("<br><span class=\"hint\">");
            StatusHtml.Text(writer, problem.Hint);
            writer.Write("</span></div>");
        }
    }

    private static void WriteApiCounts(TextWriter writer, ApiCounts counts) =>
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{StatusFormat.Count(counts.Calls)} {Plural.Noun(counts.Calls, "call")}; {StatusFormat.Count(counts.Errors)} failed ({StatusFormat.Percent(counts.ErrorRatio)}); {StatusFormat.Count(counts.Throttled)} {Plural.Noun(counts.Throttled, "throttled retry", "throttled retries")} ({StatusFormat.Percent(counts.ThrottleRatio)} of calls)"));

    private static void WriteOrganizations(TextWriter writer, StatusPageModel model)
    {
        if (model.Organizations.IsEmpty)
        {
            return;
        }

        writer.Write("<h2>Organizations watched by discovery</h2>\n<table class=\"orgs\" id=\"organizations\">\n<thead><tr><th>Organization</th><th>Region</th><th>Last listing</th><th>Last successful listing</th><th>Jobs left out by MaxWatchedJobs</th></tr></thead>\n<tbody>\n");
        foreach (var organization in model.Organizations.Values.OrderBy(o => o.Alias ?? o.OrganizationId, StringComparer.OrdinalIgnoreCase))
        {
            writer.Write("<tr class=\"org\"><td>");
            StatusHtml.Organization(writer, model.Organizations, organization.OrganizationId);
            writer.Write("</td><td>");
            StatusHtml.Text(writer, organization.Region);
            writer.Write("</td><td>");
            if (!organization.PollAttempted)
            {
                writer.Write("not yet");
            }
            else if (organization.LastPollSucceeded)
            {
                writer.Write("<span class=\"ok\">succeeded</span>");
            }
            else
            {
                writer.Write("<span class=\"err\">failed: <span class=\"mono\">");
                StatusHtml.Text(writer, organization.LastErrorCode ?? "unknown error");
                writer.Write("</span></span>");
            }

            writer.Write("</td><td>");
            StatusHtml.Ago(writer, organization.LastPollSuccessAt, model.Now);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"</td><td class=\"num\">{organization.SkippedJobs}</td></tr>\n"));
        }

        writer.Write("</tbody>\n</table>\n");
    }
}
