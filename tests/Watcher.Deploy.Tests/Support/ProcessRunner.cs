using System.Diagnostics;

namespace Watcher.Deploy.Tests.Support;

/// <summary>Runs a command to completion and captures what it printed.</summary>
internal sealed class ProcessRunner(string fileName, IEnumerable<string> arguments)
{
    public ToolResult Run(TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} did not finish within {timeout}.");
        }

        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
