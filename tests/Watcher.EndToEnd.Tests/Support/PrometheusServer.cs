using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// A real Prometheus (Debian's package) on loopback, with a temporary data directory. Its lifetime is
/// bounded twice: disposal kills it, and <c>timeout</c> kills it anyway should the test process die first.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    private readonly Process _process;
    private readonly string _folder;
    private readonly HttpClient _http;

    private PrometheusServer(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public static async Task<PrometheusServer> StartAsync(string configYaml, string rules)
    {
        var binary = Tool.Find("prometheus", "prometheus is missing. Run ./test.sh as root, which installs Debian's prometheus package (apt-get install prometheus); the package does not start a server, the tests start their own.").Path;
        var folder = Directory.CreateTempSubdirectory("watcher-prometheus-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "prometheus.yml"), configYaml);
        await File.WriteAllTextAsync(Path.Combine(folder, "rules.yml"), rules);
        var port = FreePort.Next();

        var info = new ProcessStartInfo("timeout")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--signal=KILL", ((int)MaxLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture), binary,
            $"--config.file={Path.Combine(folder, "prometheus.yml")}",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await server._http.GetAsync(new Uri("-/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                lock (log)
                {
                    Assert.Fail($"Prometheus did not become ready. Its log:\n{log}");
                }
            }

            await Task.Delay(100);
        }
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
    public async Task WaitForAlertAsync(string alertName, bool firing, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var alerts = (await AlertsAsync()).Where(a => (string?)a!["labels"]!["alertname"] == alertName).ToList();
            var done = firing ? alerts.Any(a => (string?)a!["state"] == "firing") : alerts.Count == 0;
            if (done)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{alertName} did not {(firing ? "fire" : "resolve")} within {timeout}. Active alerts: {new JsonArray([.. (await AlertsAsync()).Select(a => a!.DeepClone())])}");
            await Task.Delay(500);
        }
    }

    /// <summary>Waits until <paramref name="promql"/> returns at least one sample.</summary>
    public async Task<JsonArray> WaitForDataAsync(string promql, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var result = await QueryAsync(promql);
            if (result.Count > 0)
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, $"`{promql}` returned no data within {timeout}.");
            await Task.Delay(500);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
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
