using System.Collections;

namespace Watcher.Testing.Processes;

/// <summary>The built Watcher run as its own process (<c>dotnet watcher.dll</c>), the way a user runs it.</summary>
public static class WatcherProcess
{
    /// <summary>Set to a Watcher executable (e.g. the Native AOT one eng/publish.sh makes) to run these tests against it.</summary>
    public const string OtherBinaryVariable = "WATCHER_E2E_BINARY";

    private const string ListeningMarker = "Now listening on: ";

    /// <summary>The Watcher assembly the test project was built with.</summary>
    public static string Dll => typeof(WatcherHost).Assembly.Location;

    /// <param name="arguments">Watcher's own arguments, e.g. <c>--urls</c> or <c>check</c>.</param>
    /// <param name="environment">Variables to set; a null value removes one the child would inherit.</param>
    /// <param name="workingDirectory">Where Watcher looks for appsettings.json; beside the binary when null.</param>
    /// <param name="maxLifetime">Bounds the process even if the test process dies without disposing it.</param>
    public static ChildProcess Start(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        TimeSpan? maxLifetime = null)
    {
        var (file, command, options) = Describe(arguments, environment, workingDirectory);
        return ChildProcess.Start(file, command, options with { MaxLifetime = maxLifetime });
    }

    /// <summary>Runs Watcher to completion, for a command that exits by itself (<c>--help</c>, <c>check</c>), keeping its standard output and error apart.</summary>
    public static ProcessResult Run(IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var (file, command, options) = Describe(arguments, environment, workingDirectory: null);
        return ChildProcess.Run(file, command, timeout, options.WorkingDirectory, environment: options.Environment);
    }

    private static (string File, string[] Command, ChildProcessOptions Options) Describe(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment,
        string? workingDirectory)
    {
        var variables = IsolatedEnvironment(environment);
        var other = Environment.GetEnvironmentVariable(OtherBinaryVariable);
        var (file, command) = string.IsNullOrEmpty(other) ? ("dotnet", (string[])[Dll, .. arguments]) : (other, [.. arguments]);
        return (file, command, new ChildProcessOptions
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(string.IsNullOrEmpty(other) ? Dll : other),
            Environment = variables,
        });
    }

    /// <summary>
    /// The variables to give a Watcher process: <paramref name="environment"/>, with none of this process's Watcher or
    /// AWS settings (meant for this test process), and the Production environment.
    /// </summary>
    public static Dictionary<string, string?> IsolatedEnvironment(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("Watcher__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("AWS_", StringComparison.Ordinal))
            .ToDictionary(k => k, string? (_) => null);
        variables["DOTNET_ENVIRONMENT"] = "Production";
        variables["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        return variables;
    }

    /// <summary>The address Kestrel reports in its "Now listening on" line; fails if the process exits first.</summary>
    public static async Task<Uri> WaitForListeningAsync(this ChildProcess process, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        var line = await process.WaitForLineAsync(l => l.Contains(ListeningMarker, StringComparison.Ordinal), timeout, "Watcher to start listening");
        return new Uri(line[(line.IndexOf(ListeningMarker, StringComparison.Ordinal) + ListeningMarker.Length)..].Trim());
    }

    /// <summary>Names of this process's environment variables that start with any of <paramref name="prefixes"/>.</summary>
    public static IEnumerable<string> InheritedVariables(params string[] prefixes) =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => (string)e.Key)
            .Where(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)));
}
