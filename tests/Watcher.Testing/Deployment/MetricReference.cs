using System.Text.RegularExpressions;

namespace Watcher.Testing.Deployment;

/// <summary>The metric names the metric reference (docs/metrics.md) documents: the contract dashboards and alerts may use.</summary>
public static partial class MetricReference
{
    /// <summary>Where the metric reference lives, relative to the repository root.</summary>
    public const string Document = "docs/metrics.md";

    /// <summary>The reference proper: docs/metrics.md from its title to its first subsection, that is the table of
    /// Prometheus names and how the series behave (the design notes and endpoints follow as subsections).</summary>
    public static string Section { get; } = ReadSection();

    public static IReadOnlySet<string> Names { get; } = Read();

    /// <summary>Every Watcher, process or runtime metric name a PromQL expression mentions, histogram series mapped to their family.</summary>
    public static IEnumerable<string> NamesIn(string promql) =>
        MetricToken().Matches(promql).Select(m => Family(m.Value)).Distinct();

    private static string Family(string name)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && Names.Contains(name[..^suffix.Length]))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static string ReadSection()
    {
        var text = File.ReadAllText(Repository.File(Document.Split('/'))).ReplaceLineEndings("\n");
        Assert.True(text.StartsWith("# Metrics\n", StringComparison.Ordinal), $"{Document} does not start with its title '# Metrics'.");
        var end = text.IndexOf("\n## ", StringComparison.Ordinal);
        var section = end < 0 ? text : text[..end];
        Assert.True(
            section.Contains("\n| Prometheus name | type | labels | meaning |\n", StringComparison.Ordinal),
            $"{Document} has no table of Prometheus names before its first subsection.");
        return section;
    }

    private static HashSet<string> Read()
    {
        var names = TableRowName().Matches(Section).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(names.Count >= 20, $"The metric reference ({Document}) lists only {names.Count} metrics.");
        return names;
    }

    [GeneratedRegex(@"^\| `((?:workmail|watcher|process|dotnet)_[a-z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRowName();

    [GeneratedRegex(@"\b(?:workmail|watcher|process|dotnet)_[a-z_]+\b")]
    private static partial Regex MetricToken();
}
