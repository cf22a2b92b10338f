using System.Text.RegularExpressions;
using Watcher.Testing;
using Watcher.Testing.Deployment;
using Watcher.Testing.Processes;
using Watcher.WorkMail;

namespace Watcher.Deploy.Tests.Rules;

/// <summary>promtool checks and unit-tests the rules exactly as the chart ships them.</summary>
public sealed class RulesTests
{
    [Fact]
    public void Rules_AsShipped_PassPromtoolCheck()
    {
        var folder = RenderRules();

        var result = Tool.Promtool.Run(["check", "rules", "rules.yaml"], folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_AsShipped_PassTheirPromtoolUnitTests()
    {
        var folder = RenderRules();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Rules", "alerts.test.yaml"), Path.Combine(folder, "alerts.test.yaml"));

        var result = Tool.Promtool.Run(["test", "rules", "alerts.test.yaml"], folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_AsShipped_UseOnlyMetricsFromTheReference()
    {
        var rules = File.ReadAllText(Path.Combine(RenderRules(), "rules.yaml"));
        var expressions = Yaml.Documents(rules).Single()["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .Select(r => (string)r!["expr"]!)
            .ToList();

        Assert.True(expressions.Count >= 7, $"Only {expressions.Count} rules ship.");
        foreach (var expression in expressions)
        {
            Assert.All(MetricReference.NamesIn(expression), name => Assert.True(MetricReference.Names.Contains(name), $"'{name}' in `{expression}` is not in the metric reference ({MetricReference.Document})."));
        }
    }

    [Fact]
    public void Rules_EveryAlert_HasSeveritySummaryDescriptionAndRunbook()
    {
        var rules = Yaml.Documents(File.ReadAllText(Path.Combine(RenderRules(), "rules.yaml"))).Single()["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .Where(r => r!["alert"] is not null)
            .ToList();
        var runbook = File.ReadAllText(Repository.File("docs", "runbook.md"));

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            var name = (string)rule!["alert"]!;
            Assert.NotNull(rule["labels"]?["severity"]);
            Assert.NotNull(rule["annotations"]?["summary"]);
            Assert.NotNull(rule["annotations"]?["description"]);
            var url = (string)rule["annotations"]!["runbook_url"]!;
            Assert.EndsWith($"docs/runbook.md#{name.ToLowerInvariant()}", url, StringComparison.Ordinal);
            Assert.Contains($"## {name}", runbook, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Rules_WatcherThrottled_MatchesExactlyTheThrottlingCodes()
    {
        var codes = ErrorCodesMatchedBy("WatcherThrottled");

        Assert.Equal(WorkMailErrorCodes.Throttling.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rules_WatcherCredentialsError_MatchesExactlyTheCredentialsCodes()
    {
        var codes = ErrorCodesMatchedBy("WatcherCredentialsError");

        Assert.Equal(WorkMailErrorCodes.Credentials.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }

    /// <summary>The codes in the alert's <c>error_code=~"..."</c> matcher, which must be a plain list of alternatives.</summary>
    internal static List<string> ErrorCodesMatchedBy(string alert)
    {
        var expression = Yaml.Documents(File.ReadAllText(Path.Combine(RenderRules(), "rules.yaml"))).Single()["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .Where(r => (string?)r!["alert"] == alert)
            .Select(r => (string)r!["expr"]!)
            .Single();
        var matcher = Assert.Single(Regex.Matches(expression, "error_code=~\"([^\"]*)\""));
        var codes = matcher.Groups[1].Value.Split('|').ToList();
        Assert.All(codes, code => Assert.Matches("^[A-Za-z]+$", code));
        return codes;
    }

    /// <summary>Renders the chart's PrometheusRule and writes its spec, as promtool reads it, to a new folder.</summary>
    internal static string RenderRules()
    {
        var rendered = Helm.Template("--set", "prometheusRule.enabled=true", "--show-only", "templates/prometheusrule.yaml");
        var lines = rendered.Split('\n');
        var spec = Array.FindIndex(lines, l => l == "spec:");
        Assert.True(spec >= 0, $"No spec in the rendered PrometheusRule:\n{rendered}");
        var rules = string.Join('\n', lines.Skip(spec + 1).Select(l => l.StartsWith("  ", StringComparison.Ordinal) ? l[2..] : l));

        var folder = Directory.CreateTempSubdirectory("watcher-rules-").FullName;
        File.WriteAllText(Path.Combine(folder, "rules.yaml"), rules);
        return folder;
    }
}
