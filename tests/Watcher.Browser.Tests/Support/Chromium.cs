using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Watcher.Browser.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, with a throw-away profile and the DevTools protocol on a port it picks itself.
/// Its lifetime is bounded twice: disposal kills it, and <c>timeout</c> kills it anyway should the test process die first.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string HowToGetIt = "chromium not found: apt-get install chromium, or run ./test.sh, which installs it.";

    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    private readonly Process _process;
    private readonly string _profile;
    private readonly System.Text.StringBuilder _log;

    private Chromium(Process process, string profile, System.Text.StringBuilder log, int port)
    {
        _process = process;
        _profile = profile;
        _log = log;
        DevToolsPort = port;
    }

    public int DevToolsPort { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<Chromium> StartAsync()
    {
        var binary = Tool.Find("chromium", HowToGetIt).Path;
        var profile = Directory.CreateTempSubdirectory("watcher-chromium-").FullName;
        var info = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--signal=KILL", ((int)MaxLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture), binary,
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
            "--window-size=1400,900", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
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

        // Chromium writes the port it bound, then the browser target's path, once DevTools listens.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (File.Exists(portFile) && File.ReadAllLines(portFile) is [var port, ..] && int.TryParse(port, CultureInfo.InvariantCulture, out var number))
            {
                return new Chromium(process, profile, log, number);
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var chromium = new Chromium(process, profile, log, 0);
                await chromium.DisposeAsync();
                Assert.Fail($"Chromium did not open its DevTools port (exited: {process.HasExited}). Its output:\n{chromium.Log}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The WebSocket of the tab Chromium opened at start.</summary>
    public async Task<Uri> PageWebSocketAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var targets = await http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{DevToolsPort}/json/list"));
            foreach (var target in targets.EnumerateArray())
            {
                if (target.GetProperty("type").GetString() == "page")
                {
                    return new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!);
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"Chromium listed no page target: {targets}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A helper process may still be letting go of a file; the folder is in the temp directory.
        }
    }
}
