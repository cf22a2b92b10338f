using System.Text.Json.Nodes;
using Watcher.Testing.Deployment;

namespace Watcher.EndToEnd.Tests.Rules;

public sealed class AlertRulesTests
{
    [Fact]
    public void ShortenFor_ShippedRules_ChangesOnlyForDurationsAndEveryExpressionStaysByteForByte()
    {
        var shipped = AlertRules.Render();

        var shortened = AlertRules.ShortenFor(shipped, "2s");

        var before = Rules(shipped);
        var after = Rules(shortened);
        Assert.Equal(before.Count, after.Count);
        Assert.True(before.Count(r => r["for"] is not null) >= 5, "Too few rules have a for: duration to shorten.");
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal((string?)before[i]["expr"], (string?)after[i]["expr"]);
            Assert.Equal(before[i]["labels"]?.ToJsonString(), after[i]["labels"]?.ToJsonString());
            Assert.Equal(before[i]["annotations"]?.ToJsonString(), after[i]["annotations"]?.ToJsonString());
            Assert.Equal(before[i]["for"] is null ? null : "2s", (string?)after[i]["for"]);
        }

        var changed = shipped.Split('\n').Zip(shortened.Split('\n')).Where(p => p.First != p.Second).ToList();
        Assert.All(changed, p => Assert.Matches(@"^\s+for: ", p.First));
        Assert.Equal(shipped.Split('\n').Length, shortened.Split('\n').Length);
    }

    [Fact]
    public void Render_TestThresholds_ComeFromValuesNotEdits()
    {
        var shipped = AlertRules.Render();
        var defaults = Helm.Template("-f", Helm.CiFile("minimal-values.yaml"), "--set", "prometheusRule.enabled=true", "--set", $"prometheusRule.jobLabel={AlertRules.Job}", "--show-only", "templates/prometheusrule.yaml");

        // Rendered from the same file: the same alerts, in the same order.
        Assert.Equal(Names(defaults), Rules(shipped).Select(r => (string?)r["alert"] ?? (string?)r["record"]));
        Assert.Contains($"> {AlertRules.StalledFor.TotalSeconds}", shipped, StringComparison.Ordinal);
    }

    private static List<JsonNode> Rules(string rules) =>
        [.. Yaml.Documents(rules).Single()["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()).OfType<JsonNode>()];

    private static IEnumerable<string?> Names(string renderedPrometheusRule) =>
        Yaml.Documents(renderedPrometheusRule).Single()["spec"]!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .Select(r => (string?)r!["alert"] ?? (string?)r!["record"]);
}
