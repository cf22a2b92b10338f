using System.Text.Json.Nodes;
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
    public void Rules_WithAdditionalLabelsAnnotationsAndRules_AddToEveryShippedAlertAndPassPromtoolCheck()
    {
        var folder = RenderRules(
            "--set", "prometheusRule.additionalRuleLabels.team=mail",
            "--set", "prometheusRule.additionalRuleAnnotations.dashboard=https://grafana.example/d/watcher-workmail-exports",
            "--set-json", """prometheusRule.additionalRules=[{"alert":"WorkMailExportJobsPiledUp","expr":"sum without (instance, pod) (workmail_export_jobs{state=\"RUNNING\"}) > 50","for":"1h","labels":{"severity":"info"},"annotations":{"summary":"{{ $value }} export jobs running in {{ $labels.namespace }}"}}]""");

        var check = Tool.Promtool.Run(["check", "rules", "rules.yaml"], folder);
        var groups = Yaml.Documents(File.ReadAllText(Path.Combine(folder, "rules.yaml"))).Single()["groups"]!.AsArray();

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal(["watcher.rules", "watcher.coverage.rules", "watcher.additional.rules"], groups.Select(g => (string?)g!["name"]));

        // Recording rules carry no labels or annotations of their own: only alerts get the additional ones.
        var shipped = groups.Take(2).SelectMany(g => g!["rules"]!.AsArray()).Where(r => r!["alert"] is not null).ToList();
        Assert.True(shipped.Count >= 8, $"Only {shipped.Count} shipped rules.");
        Assert.All(shipped, rule =>
        {
            Assert.Equal("mail", (string?)rule!["labels"]!["team"]);
            Assert.NotNull(rule["labels"]!["severity"]);
            Assert.Equal("https://grafana.example/d/watcher-workmail-exports", (string?)rule["annotations"]!["dashboard"]);
            Assert.NotNull(rule["annotations"]!["runbook_url"]);
        });
        var added = Assert.Single(groups[2]!["rules"]!.AsArray());
        Assert.Equal("WorkMailExportJobsPiledUp", (string?)added!["alert"]);
        Assert.Null(added["labels"]!["team"]);
        Assert.Equal("{{ $value }} export jobs running in {{ $labels.namespace }}", (string?)added["annotations"]!["summary"]);
    }

    [Fact]
    public void Rules_KeepFiringFor_OnEveryAlertOnGaugesByDefaultAndLeftOutWithZero()
    {
        var alertsOnGauges = new[] { "WorkMailExportJobFailed", "WorkMailExportJobStalled", "WorkMailExportJobRunningTooLong", "WatcherPollFailing", "WorkMailExportBehindDeadline" };
        var off = new[] { "exportJobFailed", "exportJobStalled", "exportJobRunningTooLong", "pollFailing", "exportBehindDeadline" }
            .SelectMany(rule => new[] { "--set", $"prometheusRule.rules.{rule}.keepFiringFor=0" })
            .ToArray();

        var shipped = Alerts(RenderRules());
        var offFolder = RenderRules(off);
        var check = Tool.Promtool.Run(["check", "rules", "rules.yaml"], offFolder);

        Assert.All(shipped, rule => Assert.Equal(
            alertsOnGauges.Contains((string?)rule["alert"]) ? "5m" : null,
            (string?)rule["keep_firing_for"]));
        Assert.Equal(7, shipped.Count(r => r["keep_firing_for"] is not null));
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.All(Alerts(offFolder), rule => Assert.Null(rule["keep_firing_for"]));
    }

    [Theory]
    [InlineData("prometheusRule.additionalRuleLabels.severity=page")]
    [InlineData("prometheusRule.additionalRuleLabels.scope=job")]
    [InlineData("prometheusRule.additionalRuleLabels.alias=legal")]
    [InlineData("prometheusRule.additionalRuleLabels.entity_id=x")]
    [InlineData("prometheusRule.additionalRuleLabels.description=x")]
    [InlineData("prometheusRule.additionalRuleAnnotations.runbook_url=https://example.org")]
    [InlineData("prometheusRule.additionalRuleAnnotations.summary=x")]
    public void Rules_AdditionalLabelOrAnnotationThatTheChartOwns_FailsNamingTheKey(string setting)
    {
        var result = Tool.Helm.Run(["template", Helm.Release, Repository.Chart, "-f", Helm.CiFile("minimal-values.yaml"), "--set", "prometheusRule.enabled=true", "--set", setting]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(setting.Split('=')[0] + ":", result.Error, StringComparison.Ordinal);
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

    private static List<JsonNode> Alerts(string folder) =>
        [.. Yaml.Documents(File.ReadAllText(Path.Combine(folder, "rules.yaml"))).Single()["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .OfType<JsonNode>()
            .Where(r => r["alert"] is not null)];

    /// <summary>Renders the chart's PrometheusRule and writes its spec, as promtool reads it, to a new folder.</summary>
    internal static string RenderRules(params string[] values)
    {
        var rendered = Helm.Template(["-f", Helm.CiFile("minimal-values.yaml"), "--set", "prometheusRule.enabled=true", .. values, "--show-only", "templates/prometheusrule.yaml"]);
        var lines = rendered.Split('\n');
        var spec = Array.FindIndex(lines, l => l == "spec:");
        Assert.True(spec >= 0, $"No spec in the rendered PrometheusRule:\n{rendered}");
        var rules = string.Join('\n', lines.Skip(spec + 1).Select(l => l.StartsWith("  ", StringComparison.Ordinal) ? l[2..] : l));

        var folder = Directory.CreateTempSubdirectory("watcher-rules-").FullName;
        File.WriteAllText(Path.Combine(folder, "rules.yaml"), rules);
        return folder;
    }
}
