using System.Diagnostics;
using System.Text;

namespace Watcher.Tests.Support;

/// <summary>The built Watcher binary run as its own process, the way a user runs it.</summary>
internal sealed class WatcherProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WatcherProcess(Process process) => _process = process;

    /// <summary>The process id, e.g. for <c>kill -TERM</c>.</summary>
    public int Id => _process.Id;

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

    public static WatcherProcess Start(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var dll = typeof(WatcherHost).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The child must not inherit settings meant for this test process.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Watcher__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var watcher = new WatcherProcess(process);
        process.OutputDataReceived += (_, e) => watcher.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => watcher.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return watcher;
    }

    /// <summary>The address Kestrel reports in its "Now listening on" line.</summary>
    public async Task<Uri> WaitForListeningAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(_listening.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        if (finished != _listening.Task)
        {
            Assert.Fail($"Watcher did not start listening within {timeout}. Output:\n{Output}");
        }

        return await _listening.Task;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Watcher did not exit within {timeout}. Output:\n{Output}");
        }

        // WaitForExitAsync returns before the redirected streams are drained.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string Marker = "Now listening on: ";
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(new Uri(line[(at + Marker.Length)..].Trim()));
        }
    }
}
