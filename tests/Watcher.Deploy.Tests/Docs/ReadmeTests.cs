using System.Text.RegularExpressions;
using Watcher.Testing;

namespace Watcher.Deploy.Tests.Docs;

/// <summary>The README a new user reads first: what Watcher is, its architecture picture, and a link to every page in
/// docs/ (the references moved there; <see cref="MetricsDocTests"/> and <see cref="DocLinksTests"/> check them).</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repository.File("README.md"));

    [Fact]
    public void Readme_SaysWhatWatcherIsAndWhy_BeforeAnySection()
    {
        var intro = Readme[..Readme.IndexOf("\n## ", StringComparison.Ordinal)];
        Assert.Contains("mailbox export jobs", intro, StringComparison.Ordinal);
        Assert.Contains("2027-03-31", intro, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_ArchitectureDiagram_FollowsTheWholePathFromConfigToAlertmanager()
    {
        var mermaid = MermaidBlock().Match(Readme);
        Assert.True(mermaid.Success, "The README has no ```mermaid block.");
        var diagram = mermaid.Groups[1].Value;

        // Each stage is a node, and each is linked to the next one (directly, by node id).
        var nodes = NodeLabel().Matches(diagram).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        // Per-job series are written from the snapshot; OpenTelemetry carries the client's counters and histogram.
        string[] path = ["config", "quartz", "client", "snapshot", "writer", "metrics", "prometheus"];
        foreach (var (from, to) in path.Zip(path.Skip(1)))
        {
            Assert.Matches(new Regex($@"(?m)^\s*{from}\b.*-->.*\b{to}\b"), diagram);
        }

        Assert.Matches(new Regex(@"(?m)^\s*client\b.*-->.*\botel\b"), diagram);
        Assert.Matches(new Regex(@"(?m)^\s*otel\b.*-->.*\bmetrics\b"), diagram);

        Assert.Matches(new Regex(@"(?m)^\s*prometheus\b.*-->.*\bgrafana\b"), diagram);
        Assert.Matches(new Regex(@"(?m)^\s*prometheus\b.*-->.*\balertmanager\b"), diagram);
        Assert.Contains("Quartz", nodes["quartz"], StringComparison.Ordinal);
        Assert.Contains("WorkMail client", nodes["client"], StringComparison.Ordinal);
        Assert.Contains("OpenTelemetry", nodes["otel"], StringComparison.Ordinal);
        Assert.Contains("snapshot", nodes["writer"], StringComparison.Ordinal);
        Assert.Contains("/metrics", nodes["metrics"], StringComparison.Ordinal);
        Assert.Contains("Alertmanager", nodes["alertmanager"], StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_LinksEveryPageInDocs()
    {
        var pages = Directory.EnumerateFiles(Repository.File("docs"), "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 7, $"docs/ has only {pages.Count} pages: {string.Join(", ", pages)}.");
        Assert.All(pages, page => Assert.Contains($"](docs/{page})", Readme, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"```mermaid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex(@"\b([a-z]+)[\[\(]+""([^""]+)""")]
    private static partial Regex NodeLabel();
}
