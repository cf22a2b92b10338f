using System.Text.RegularExpressions;

namespace Watcher.Testing.Deployment;

/// <summary>The metric names the README's metric reference documents: the contract dashboards and alerts may use.</summary>
public static partial class MetricReference
{
    public static IReadOnlySet<string> Names { get; } = Read();

    /// <summary>Every Watcher metric name a PromQL expression mentions, histogram series mapped to their family.</summary>
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

    private static HashSet<string> Read()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var section = readme[readme.IndexOf("\n## Metrics", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var names = TableRowName().Matches(section).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(names.Count >= 20, $"The README's metric reference lists only {names.Count} metrics.");
        return names;
    }

    [GeneratedRegex(@"^\| `((?:workmail|watcher)_[a-z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRowName();

    [GeneratedRegex(@"\b(?:workmail|watcher)_[a-z_]+\b")]
    private static partial Regex MetricToken();
}
