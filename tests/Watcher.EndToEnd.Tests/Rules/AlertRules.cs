using System.Text.RegularExpressions;
using Watcher.Testing.Deployment;

namespace Watcher.EndToEnd.Tests.Rules;

/// <summary>
/// The chart's alert rules, rendered by helm from the file the chart ships, with thresholds sized for a test
/// that lasts minutes rather than hours. Only values change them; <see cref="ShortenFor"/> then shortens the
/// <c>for:</c> durations and touches nothing else.
/// </summary>
internal static partial class AlertRules
{
    /// <summary>The job label the rules select; the test's scrape config uses the same.</summary>
    public const string Job = "watcher";

    public static readonly TimeSpan StalledFor = TimeSpan.FromSeconds(45);

    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(30);

    /// <summary>Rides out a few missed 1 s scrapes on a busy machine, and adds little to the waits for a resolve.</summary>
    public static readonly TimeSpan KeepFiringFor = TimeSpan.FromSeconds(10);

    private static readonly string[] AlertsOnGauges = ["exportJobFailed", "exportJobStalled", "exportJobRunningTooLong", "pollFailing", "exportBehindDeadline"];

    public static string Render()
    {
        var rendered = Helm.Template(
        [
            "-f", Helm.CiFile("minimal-values.yaml"),
            "--set", "prometheusRule.enabled=true",
            "--set", $"prometheusRule.jobLabel={Job}",
            "--set", $"prometheusRule.rules.exportJobStalled.stalledFor={StalledFor.TotalSeconds}s",
            "--set", $"prometheusRule.rules.credentialsError.window={RateWindow.TotalSeconds}s",
            "--set", $"prometheusRule.rules.throttled.window={RateWindow.TotalSeconds}s",
            .. AlertsOnGauges.SelectMany(rule => new[] { "--set", $"prometheusRule.rules.{rule}.keepFiringFor={KeepFiringFor.TotalSeconds}s" }),
            "--show-only", "templates/prometheusrule.yaml",
        ]);
        var lines = rendered.Split('\n');
        var spec = Array.FindIndex(lines, l => l == "spec:");
        Assert.True(spec >= 0, $"No spec in the rendered PrometheusRule:\n{rendered}");
        return string.Join('\n', lines.Skip(spec + 1).Select(l => l.StartsWith("  ", StringComparison.Ordinal) ? l[2..] : l));
    }

    /// <summary>Rewrites every <c>for:</c> duration, and only those lines.</summary>
    public static string ShortenFor(string rules, string duration) => ForLine().Replace(rules, m => $"{m.Groups[1].Value}for: {duration}");

    [GeneratedRegex(@"^(\s+)for: \S+$", RegexOptions.Multiline)]
    private static partial Regex ForLine();
}
