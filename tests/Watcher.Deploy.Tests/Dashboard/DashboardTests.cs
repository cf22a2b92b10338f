using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Watcher.Testing;
using Watcher.Testing.Deployment;
using Watcher.WorkMail;

namespace Watcher.Deploy.Tests.Dashboard;

public sealed partial class DashboardTests
{
    private static readonly string DashboardFile = Path.Combine(Repository.Chart, "files", "dashboard.json");

    [Fact]
    public void Dashboard_Json_ParsesWithAStableUidAndTheVariables()
    {
        var dashboard = Load();

        Assert.False(string.IsNullOrWhiteSpace((string?)dashboard["uid"]));
        var variables = dashboard["templating"]!["list"]!.AsArray().Select(v => (string?)v!["name"]).ToList();
        Assert.Contains("datasource", variables);
        Assert.Contains("organization_id", variables);
        Assert.Contains("state", variables);
    }

    [Fact]
    public void Dashboard_EveryQuery_UsesOnlyMetricsFromTheReference()
    {
        var queries = Queries(Load()).ToList();

        Assert.True(queries.Count >= 8, $"Only {queries.Count} queries in the dashboard.");
        foreach (var query in queries)
        {
            var names = MetricReference.NamesIn(query).ToList();
            Assert.All(names, name => Assert.True(MetricReference.Names.Contains(name), $"'{name}' in `{query}` is not in the metric reference ({MetricReference.Document})."));
        }
    }

    [Fact]
    public void Dashboard_EveryPanel_HasAQueryOnTheDatasourceVariable()
    {
        var panels = Panels(Load()).Where(p => (string?)p["type"] != "row").ToList();

        Assert.True(panels.Count >= 6, $"Only {panels.Count} panels.");
        Assert.All(panels, panel =>
        {
            var targets = panel["targets"]?.AsArray();
            Assert.True(targets is { Count: > 0 }, $"Panel '{panel["title"]}' has no query.");
            Assert.Contains("${datasource}", (panel["datasource"]?.ToJsonString() ?? string.Empty) + targets!.ToJsonString(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("cluster")]
    [InlineData("job")]
    public void Dashboard_ScopeVariable_OffersAllThatAlsoMatchesSeriesWithoutTheLabel(string name)
    {
        var variable = Assert.Single(Load()["templating"]!["list"]!.AsArray(), v => (string?)v!["name"] == name)!;

        Assert.Equal("query", (string?)variable["type"]);
        Assert.True((bool?)variable["includeAll"], $"${name} has no All option.");
        Assert.True((bool?)variable["multi"], $"${name} is not multi-value.");
        // ".*" (not Grafana's default alternation of the values found) matches an absent label too: a Prometheus with
        // no cluster label has no values to offer, and its series must still show.
        Assert.Equal(".*", (string?)variable["allValue"]);
        Assert.Contains($", {name})", (string?)variable["query"]!["query"], StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_EverySelector_IsScopedToTheClusterAndJobVariables()
    {
        var queries = Queries(Load()).ToList();

        Assert.NotEmpty(queries);
        var selectors = queries.SelectMany(q => Selector().Matches(q).Select(m => (Query: q, Name: m.Groups[1].Value, Matchers: m.Groups[2].Value))).ToList();
        Assert.True(selectors.Count > queries.Count, $"Only {selectors.Count} selectors in {queries.Count} queries; the scan is broken.");
        Assert.All(selectors, s =>
        {
            Assert.True(s.Matchers.Contains("cluster=~\"$cluster\"", StringComparison.Ordinal), $"{s.Name} in `{s.Query}` is not scoped to $cluster.");
            Assert.True(s.Matchers.Contains("job=~\"$job\"", StringComparison.Ordinal), $"{s.Name} in `{s.Query}` is not scoped to $job.");
        });
    }

    [Fact]
    public void Dashboard_ThrottlingQueries_MatchExactlyTheThrottlingCodes()
    {
        var matchers = Queries(Load())
            .Where(q => q.Contains("workmail_api_request_retries_total", StringComparison.Ordinal))
            .SelectMany(q => Regex.Matches(q, "error_code=~\"([^\"]*)\"").Select(m => m.Groups[1].Value))
            .ToList();

        Assert.NotEmpty(matchers);
        Assert.All(matchers, matcher => Assert.Equal(
            WorkMailErrorCodes.Throttling.Order(StringComparer.Ordinal),
            matcher.Split('|').Order(StringComparer.Ordinal)));
    }

    // A metric name (Watcher's, or up) and its matchers; a name with no braces yields an empty match, which fails.
    [GeneratedRegex(@"\b((?:workmail|watcher)_[a-z_]+|up)\b(?:\{([^}]*)\})?")]
    private static partial Regex Selector();

    internal static JsonObject Load()
    {
        Assert.True(File.Exists(DashboardFile), $"{DashboardFile} is missing.");
        return JsonNode.Parse(File.ReadAllText(DashboardFile), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow })!.AsObject();
    }

    internal static IEnumerable<JsonObject> Panels(JsonObject dashboard)
    {
        foreach (var panel in dashboard["panels"]!.AsArray().OfType<JsonObject>())
        {
            yield return panel;
            foreach (var nested in panel["panels"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                yield return nested;
            }
        }
    }

    internal static IEnumerable<string> Queries(JsonObject dashboard) =>
        Panels(dashboard)
            .SelectMany(p => p["targets"]?.AsArray().OfType<JsonObject>() ?? [])
            .Select(t => (string?)t["expr"])
            .Where(e => !string.IsNullOrWhiteSpace(e))!;
}
