using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Watcher.EndToEnd.Tests.Support;

/// <summary>
/// The built Watcher in its own process, the way users run it: configured by an appsettings.json in its
/// working directory (rewritten by the test, like a ConfigMap update) and credentials in the environment.
/// It keeps one port across restarts, so Prometheus' target stays the same.
/// </summary>
internal sealed class WatcherServer : IAsyncDisposable
{
    public const string OtherBinaryVariable = "WATCHER_E2E_BINARY";

    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    private readonly string _folder;
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private WatcherServer(string folder, int port, Dictionary<string, string> environment)
    {
        _folder = folder;
        Port = port;
        _environment = environment;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<WatcherServer> StartAsync(object watcherSection, Dictionary<string, string> environment)
    {
        var server = new WatcherServer(Directory.CreateTempSubdirectory("watcher-e2e-").FullName, FreePort.Next(), environment);
        await server.WriteSettingsAsync(watcherSection);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        // WATCHER_E2E_BINARY runs the suite against another build of Watcher, e.g. a Native AOT executable.
        var other = Environment.GetEnvironmentVariable(OtherBinaryVariable);
        string[] command = string.IsNullOrEmpty(other) ? ["dotnet", typeof(WatcherHost).Assembly.Location] : [other];
        var info = new ProcessStartInfo("timeout")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ((int)MaxLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture) }.Concat(command).Concat(["--urls", $"http://127.0.0.1:{Port}"]))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Watcher__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri("readyz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(!_process.HasExited && DateTime.UtcNow < deadline, $"Watcher did not turn ready. Output:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops Watcher the way Kubernetes does: SIGTERM, then waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
    }

    public async Task WriteSettingsAsync(object watcherSection)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Logging"] = new { LogLevel = new { Default = "Warning" } },
            ["Watcher"] = watcherSection,
        });
        var temp = Path.Combine(_folder, "appsettings.json.tmp");
        await File.WriteAllTextAsync(temp, json);
        File.Move(temp, Path.Combine(_folder, "appsettings.json"), overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
