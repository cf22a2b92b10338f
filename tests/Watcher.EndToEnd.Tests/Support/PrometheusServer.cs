using System.Text.Json.Nodes;
using Watcher.Testing.Network;
using Watcher.Testing.Processes;
using Watcher.Testing.Waiting;

namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// A real Prometheus (Debian's package) on loopback, with a temporary data directory. Its lifetime is
/// bounded twice: disposal kills it, and <c>timeout</c> kills it anyway should the test process die first.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    private readonly ChildProcess _process;
    private readonly string _folder;
    private readonly HttpClient _http;

    private PrometheusServer(ChildProcess process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public static async Task<PrometheusServer> StartAsync(string configYaml, string rules)
    {
        var binary = Tool.Find("prometheus", "prometheus is missing. Run eng/install-tools.sh prometheus as root (./test.sh runs it), which installs Debian's prometheus package (apt-get install prometheus); the package does not start a server, the tests start their own.").Path;
        var folder = Directory.CreateTempSubdirectory("watcher-prometheus-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "prometheus.yml"), configYaml);
        await File.WriteAllTextAsync(Path.Combine(folder, "rules.yml"), rules);

        // Prometheus cannot report a port it picked itself, so it is given one that is free now.
        var port = FreePort.Next();
        var process = ChildProcess.Start(
            binary,
            [
                $"--config.file={Path.Combine(folder, "prometheus.yml")}",
                $"--storage.tsdb.path={Path.Combine(folder, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
            ],
            new ChildProcessOptions { WorkingDirectory = folder, MaxLifetime = MaxLifetime });

        var server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await HttpReadiness.UntilReadyAsync(process, new Uri(server.Address, "-/ready"), "Prometheus", TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>An instant query; the result array of the vector.</summary>
    public async Task<JsonArray> QueryAsync(string promql)
    {
        var response = await _http.GetAsync(new Uri($"api/v1/query?query={Uri.EscapeDataString(promql)}", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True((string?)body["status"] == "success", $"Query failed: {promql}\n{body}");
        var data = body["data"]!;
        return (string?)data["resultType"] == "scalar" ? new JsonArray(data["result"]!.DeepClone()) : data["result"]!.AsArray();
    }

    public async Task<JsonArray> SeriesAsync(string match)
    {
        var body = JsonNode.Parse(await _http.GetStringAsync(new Uri($"api/v1/series?match[]={Uri.EscapeDataString(match)}", UriKind.Relative)))!;
        return body["data"]!.AsArray();
    }

    public async Task<JsonArray> AlertsAsync()
    {
        var body = JsonNode.Parse(await _http.GetStringAsync(new Uri("api/v1/alerts", UriKind.Relative)))!;
        return body["data"]!["alerts"]!.AsArray();
    }

    public async Task<JsonArray> RuleGroupsAsync()
    {
        var body = JsonNode.Parse(await _http.GetStringAsync(new Uri("api/v1/rules", UriKind.Relative)))!;
        return body["data"]!["groups"]!.AsArray();
    }

    /// <summary>Waits until <paramref name="alertName"/> is firing (or, with <paramref name="firing"/> false, no longer active at all).</summary>
    /// <remarks>
    /// A real-time wait, and unavoidable: Prometheus evaluates the rules on its own clock (every second here), and an
    /// alert fires only once its expression has held for the rule's <c>for:</c> and its rate window has filled.
    /// </remarks>
    public async Task WaitForAlertAsync(string alertName, bool firing, TimeSpan timeout)
    {
        JsonArray active = [];
        await Wait.UntilAsync(
            async () =>
            {
                active = await AlertsAsync();
                var alerts = active.Where(a => (string?)a!["labels"]!["alertname"] == alertName).ToList();
                return firing ? alerts.Any(a => (string?)a!["state"] == "firing") : alerts.Count == 0;
            },
            timeout,
            () => $"{alertName} to {(firing ? "fire" : "resolve")}. Active alerts: {active.ToJsonString()}",
            every: TimeSpan.FromMilliseconds(500));
    }

    /// <summary>Waits until <paramref name="promql"/> returns at least one sample: Prometheus scrapes on its own clock.</summary>
    public Task<JsonArray> WaitForDataAsync(string promql, TimeSpan timeout) =>
        Wait.ForAsync(
            async () => await QueryAsync(promql) is { Count: > 0 } result ? result : null,
            timeout,
            () => $"`{promql}` to return data",
            every: TimeSpan.FromMilliseconds(500));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Prometheus may still be flushing a file as it dies; the folder is in the temp directory anyway.
        }
    }
}
