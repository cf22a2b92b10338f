using System.Reflection;

namespace Watcher.Testing.Processes;

/// <summary>
/// Watcher run the way the README tells a developer to, <c>dotnet run --project src/Watcher -- ARGUMENTS</c> from the
/// repository root, with only <c>--no-build</c> and the tests' build configuration added, so that it runs what the
/// test project was built with instead of building again.
/// </summary>
public static class DotnetRun
{
    public const string ReadmeCommand = "dotnet run --project src/Watcher";

    /// <summary>Debug or Release: the Watcher project is built in the configuration its tests are.</summary>
    public static string Configuration { get; } =
        typeof(WatcherHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>
    /// The README's command line <c>dotnet run --project src/Watcher -- <paramref name="arguments"/></c>, split into
    /// words; fails the test if no line of the README is exactly that.
    /// </summary>
    public static IReadOnlyList<string> FromReadme(string arguments)
    {
        var documented = $"{ReadmeCommand} -- {arguments}";
        var lines = File.ReadAllLines(Repository.File("README.md")).Select(l => l.Trim());
        Assert.True(lines.Contains(documented, StringComparer.Ordinal), $"README.md has no line '{documented}'.");
        return documented.Split(' ');
    }

    /// <summary>Runs a <see cref="FromReadme"/> command line to completion, keeping its standard output and error apart.</summary>
    public static ProcessResult Run(IReadOnlyList<string> commandLine, TimeSpan timeout) =>
        ChildProcess.Run("dotnet", Arguments(commandLine), timeout, Repository.Root, environment: WatcherProcess.IsolatedEnvironment());

    /// <summary>Starts a <see cref="FromReadme"/> command line, with <paramref name="extra"/> arguments after it.</summary>
    /// <param name="maxLifetime">Bounds the process even if the test process dies without disposing it.</param>
    public static ChildProcess Start(IReadOnlyList<string> commandLine, IEnumerable<string> extra, TimeSpan maxLifetime) =>
        ChildProcess.Start("dotnet", [.. Arguments(commandLine), .. extra], new ChildProcessOptions
        {
            WorkingDirectory = Repository.Root,
            Environment = WatcherProcess.IsolatedEnvironment(),
            MaxLifetime = maxLifetime,
        });

    private static string[] Arguments(IReadOnlyList<string> commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        Assert.True(commandLine is ["dotnet", "run", ..], $"Not a dotnet run command line: {string.Join(' ', commandLine)}");
        return ["run", "--no-build", "--configuration", Configuration, .. commandLine.Skip(2)];
    }
}
