using Watcher.Testing.Processes;

namespace Watcher.Testing.Waiting;

/// <summary>Waiting for a server in a child process (Prometheus, Alertmanager, Watcher) to answer its readiness URL.</summary>
public static class HttpReadiness
{
    /// <summary>
    /// Asks <paramref name="url"/> until it answers with a success status; fails the test, with the process's output,
    /// if the process exits first or <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task UntilReadyAsync(ChildProcess process, Uri url, string name, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Wait.UntilAsync(
            async () =>
            {
                Assert.False(process.HasExited, $"{name} exited before it turned ready. Its output:\n{process.Output}");
                try
                {
                    return (await http.GetAsync(url)).IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or too busy starting to answer within the client's timeout.
                    return false;
                }
            },
            timeout,
            () => $"{name} to turn ready. Its output:\n{process.Output}");
    }
}
