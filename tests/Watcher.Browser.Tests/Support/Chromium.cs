using System.Net.Http.Json;
using System.Text.Json;
using Watcher.Testing.Processes;
using Watcher.Testing.Waiting;

namespace Watcher.Browser.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, with a throw-away profile and the DevTools protocol on a port it picks itself.
/// Its lifetime is bounded twice: disposal kills it, and <c>timeout</c> kills it anyway should the test process die first.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string HowToGetIt = "chromium not found: apt-get install chromium, or run eng/install-tools.sh chromium as root (./test.sh runs it).";

    private const string DevToolsMarker = "DevTools listening on ";

    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    private readonly ChildProcess _process;
    private readonly string _profile;

    private Chromium(ChildProcess process, string profile, int port)
    {
        _process = process;
        _profile = profile;
        DevToolsPort = port;
    }

    public int DevToolsPort { get; }

    public string Log => _process.Output;

    public static async Task<Chromium> StartAsync()
    {
        var binary = Tool.Find("chromium", HowToGetIt).Path;
        var profile = Directory.CreateTempSubdirectory("watcher-chromium-").FullName;
        var process = ChildProcess.Start(
            binary,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                "--window-size=1400,900", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
            ],
            new ChildProcessOptions { MaxLifetime = MaxLifetime });

        // Chromium prints the DevTools address, with the port it bound, once DevTools listens.
        var line = await process.WaitForLineOrExitAsync(l => l.StartsWith(DevToolsMarker, StringComparison.Ordinal), TimeSpan.FromSeconds(60), "Chromium's DevTools address");
        if (line is null)
        {
            await process.DisposeAsync();
            Directory.Delete(profile, recursive: true);
            Assert.Fail($"Chromium exited before it opened its DevTools port. Its output:\n{process.Output}");
        }

        return new Chromium(process, profile, new Uri(line[DevToolsMarker.Length..].Trim()).Port);
    }

    /// <summary>The WebSocket of the tab Chromium opened at start.</summary>
    public async Task<Uri> PageWebSocketAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var targets = default(JsonElement);
        return await Wait.ForAsync(
            async () =>
            {
                targets = await http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{DevToolsPort}/json/list"));
                return targets.EnumerateArray()
                    .Where(t => t.GetProperty("type").GetString() == "page")
                    .Select(t => new Uri(t.GetProperty("webSocketDebuggerUrl").GetString()!))
                    .FirstOrDefault();
            },
            TimeSpan.FromSeconds(30),
            () => $"Chromium to list a page target: {targets}");
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
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
