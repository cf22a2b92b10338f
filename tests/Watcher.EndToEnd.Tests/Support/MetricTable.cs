using System.Text.RegularExpressions;
using Watcher.Testing.Deployment;

namespace Watcher.EndToEnd.Tests.Support;

/// <summary>The metric reference (docs/metrics.md) as rows: name, type and the documented label names.</summary>
internal static partial class MetricTable
{
    public static IReadOnlyList<(string Name, string Type, string[] Labels)> Rows { get; } = Read();

    private static List<(string, string, string[])> Read()
    {
        return [.. Row().Matches(MetricReference.Section).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim(), Labels(m.Groups[3].Value)))];
    }

    /// <summary>"organization_id, job_id (and role_arn with ...)" → the labels always present.</summary>
    private static string[] Labels(string cell)
    {
        var always = cell.Split('(')[0];
        return [.. always.Split(',').Select(l => l.Trim()).Where(l => LabelName().IsMatch(l))];
    }

    [GeneratedRegex(@"^\| `((?:workmail|watcher|process|dotnet)_[a-z_]+)` \| ([^|]+) \| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex LabelName();
}
