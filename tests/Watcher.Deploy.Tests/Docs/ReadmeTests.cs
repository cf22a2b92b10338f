using System.Text.RegularExpressions;
using Watcher.Testing;
using Watcher.Testing.Deployment;

namespace Watcher.Deploy.Tests.Docs;

/// <summary>The README a new user follows: its order, its architecture picture, and a metric reference that
/// covers every instrument the code creates.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repository.File("README.md"));

    [Fact]
    public void Readme_Sections_ComeInTheOrderANewUserNeedsThem()
    {
        string[] expected =
        [
            "Quick start", "Configuration", "Metrics", "Alerts", "Install on Kubernetes", "IAM policy", "Failure modes", "Performance", "Development",
        ];
        var sections = SectionHeading().Matches(Readme).Select(m => m.Groups[1].Value.Trim()).ToList();

        var positions = expected.Select(title => (title, index: sections.IndexOf(title))).ToList();
        Assert.All(positions, p => Assert.True(p.index >= 0, $"The README has no '## {p.title}' section; it has: {string.Join(", ", sections)}"));
        Assert.Equal(expected, positions.OrderBy(p => p.index).Select(p => p.title));

        // What Watcher is and why comes first, before any section.
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
    public void MetricReference_CoversEveryInstrumentTheCodeCreates()
    {
        var sources = Directory.EnumerateFiles(Repository.File("src", "Watcher"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        // OpenTelemetry instruments, found in the source, and the per-job families, which are a table instead.
        var instruments = sources.SelectMany(f => InstrumentName().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Name: m.Groups[1].Value)))
            .Concat(Watcher.Metrics.JobSeries.Families.Select(f => (File: "JobSeries.cs", Name: f.InstrumentName)))
            .Distinct()
            .ToList();
        Assert.True(instruments.Count >= 20, $"Found only {instruments.Count} instrument names in src/Watcher; the scan is broken.");

        // OpenTelemetry's Prometheus exporter: dots become underscores, then the unit and _total suffixes.
        string[] suffixes = ["", "_total", "_seconds", "_seconds_total", "_ratio"];
        Assert.All(instruments, instrument =>
        {
            var baseName = instrument.Name.Replace('.', '_');
            Assert.True(
                suffixes.Any(suffix => MetricReference.Names.Contains(baseName + suffix)),
                $"Instrument '{instrument.Name}' ({instrument.File}) is not in the README's metric reference as {baseName} with any of: {string.Join(", ", suffixes.Select(s => $"'{s}'"))}.");
        });

        // And the reference lists nothing the code no longer makes.
        Assert.All(MetricReference.Names, name => Assert.True(
            instruments.Any(i => suffixes.Any(s => i.Name.Replace('.', '_') + s == name)),
            $"The README's metric reference lists {name}, which no instrument in src/Watcher produces."));
    }

    [GeneratedRegex(@"(?m)^## (.+)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"```mermaid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex(@"\b([a-z]+)[\[\(]+""([^""]+)""")]
    private static partial Regex NodeLabel();

    // The name argument of Meter.Create*: every instrument is created with a literal "workmail..." or "watcher..." name.
    [GeneratedRegex(@"Create[A-Za-z]*(?:<[^>]+>)?\(\s*""((?:workmail|watcher)\.[a-z_.]+)""")]
    private static partial Regex InstrumentName();
}
