using System.Text.Json.Nodes;
using Watcher.Testing;
using Watcher.Testing.Deployment;

namespace Watcher.Deploy.Tests.Rules;

/// <summary>Every alert links into the runbook at prometheusRule.runbookUrl, by default the one in the chart's sources.</summary>
public sealed class RunbookUrlTests
{
    [Fact]
    public void RunbookUrl_WhenSet_IsTheBaseOfEveryAlertsLink()
    {
        const string Runbook = "https://wiki.example.com/mail/watcher-runbook";

        var alerts = Alerts(RulesTests.RenderRules("--set", $"prometheusRule.runbookUrl={Runbook}"));

        Assert.NotEmpty(alerts);
        Assert.All(alerts, alert =>
            Assert.Equal($"{Runbook}#{((string)alert["alert"]!).ToLowerInvariant()}", (string?)alert["annotations"]!["runbook_url"]));
    }

    [Fact]
    public void RunbookUrl_ByDefault_IsTheRunbookInTheChartsSourceRepository()
    {
        var chart = Yaml.Documents(File.ReadAllText(Path.Combine(Repository.Chart, "Chart.yaml"))).Single();
        var source = (string)chart["sources"]![0]!;
        var expected = $"{source}/blob/main/docs/runbook.md";
        var values = Yaml.Documents(File.ReadAllText(Path.Combine(Repository.Chart, "values.yaml"))).Single();

        Assert.Equal(expected, (string?)values["prometheusRule"]!["runbookUrl"]);
        Assert.Equal(source, (string?)chart["home"]);
        Assert.Contains($"url: {expected}", (string?)chart["annotations"]!["artifacthub.io/links"], StringComparison.Ordinal);
        Assert.True(File.Exists(Repository.File("docs", "runbook.md")), "docs/runbook.md, which the default runbookUrl names, is missing.");
        Assert.All(Alerts(RulesTests.RenderRules()), alert =>
            Assert.StartsWith($"{expected}#", (string?)alert["annotations"]!["runbook_url"], StringComparison.Ordinal));
    }

    private static List<JsonNode> Alerts(string folder) =>
        [.. Yaml.Documents(File.ReadAllText(Path.Combine(folder, "rules.yaml"))).Single()["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .Where(r => r!["alert"] is not null)
            .OfType<JsonNode>()];
}
