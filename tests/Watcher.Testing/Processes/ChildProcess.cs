using System.Diagnostics;
using System.Globalization;
using System.Text;
using Watcher.Testing.Waiting;

namespace Watcher.Testing.Processes;

/// <summary>
/// A process the test starts and owns: its output is captured line by line (stdout and stderr together, in the
/// order they arrive), a test can wait for a line or for the exit, and disposal kills whatever is still running.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Signal _printed = new();

    private ChildProcess(Process process, string description)
    {
        _process = process;
        Description = description;
    }

    /// <summary>The process id: with <see cref="ChildProcessOptions.MaxLifetime"/>, that of <c>timeout</c>, which passes signals on.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Description { get; }

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

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, ChildProcessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        options ??= new ChildProcessOptions();
        var info = Describe(fileName, arguments, options);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, $"{fileName} {string.Join(' ', arguments)}");
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Exited += (_, _) => child._printed.Pulse();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a command to completion and returns what it printed; one that runs too long fails the test.</summary>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        string? standardInput = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var argumentList = arguments.ToList();
        var options = new ChildProcessOptions { WorkingDirectory = workingDirectory, Environment = environment ?? new Dictionary<string, string?>() };
        var info = Describe(fileName, argumentList, options);
        info.RedirectStandardInput = standardInput is not null;
        using var process = Process.Start(info)!;
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', argumentList)} did not finish within {timeout}.");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Waits for the first line (printed so far or later) that <paramref name="match"/> accepts; fails if the process exits first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var line = await WaitForLineOrExitAsync(match, timeout, what);
        Assert.True(line is not null, $"{Description} exited ({ExitCodeText()}) before {what}. Output:\n{Output}");
        return line;
    }

    /// <summary>
    /// Waits for the first line that <paramref name="match"/> accepts, or for the process to exit (null), whichever
    /// comes first; fails the test if neither comes within <paramref name="timeout"/>.
    /// </summary>
    public async Task<string?> WaitForLineOrExitAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(match);
        string? found = null;
        await Wait.UntilAsync(
            () =>
            {
                // Once it has exited, its redirected streams are drained before the last look at its output.
                var exited = _process.HasExited;
                if (exited)
                {
                    _process.WaitForExit();
                }

                found = Output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(match);
                return found is not null || exited;
            },
            _printed,
            timeout,
            () => $"{what} from {Description}. Output:\n{Output}");
        return found;
    }

    /// <summary>Waits for the process to exit and returns its exit code, with its output read to the end.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{Description} did not exit within {timeout}. Output:\n{Output}");
        }

        // WaitForExitAsync returns before the redirected streams are drained.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, the way Kubernetes stops a pod, and returns without waiting for the exit.</summary>
    public Task TerminateAsync() => SignalAsync("TERM");

    /// <summary>Sends the signal named <paramref name="signal"/> (e.g. <c>HUP</c>) and returns without waiting for its effect.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Kills the process and whatever it started, and waits until they are gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static ProcessStartInfo Describe(string fileName, IEnumerable<string> arguments, ChildProcessOptions options)
    {
        var info = new ProcessStartInfo(options.MaxLifetime is null ? fileName : "timeout")
        {
            WorkingDirectory = options.WorkingDirectory ?? Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (options.MaxLifetime is { } lifetime)
        {
            info.ArgumentList.Add($"--signal={options.LifetimeSignal}");
            info.ArgumentList.Add(((int)Math.Ceiling(lifetime.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
            info.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (options.ClearEnvironment)
        {
            info.Environment.Clear();
        }

        foreach (var (key, value) in options.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    private string ExitCodeText() => _process.HasExited ? $"code {_process.ExitCode}" : "still running";

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

        _printed.Pulse();
    }
}
