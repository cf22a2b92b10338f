namespace Watcher.Web;

/// <summary>The page at <c>/</c>: what this is and where the endpoints are.</summary>
internal static class LandingPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Watcher</title></head>
        <body>
        <h1>Watcher</h1>
        <p>Amazon WorkMail mailbox export jobs as Prometheus metrics.</p>
        <ul>
        <li><a href="metrics">/metrics</a>: the Prometheus scrape endpoint</li>
        <li><a href="healthz">/healthz</a>: liveness</li>
        <li><a href="readyz">/readyz</a>: readiness, once every watched job has been polled</li>
        </ul>
        </body>
        </html>
        """;
}
