namespace Watcher.Testing.Processes;

/// <summary>How a command that ran to completion ended, and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
