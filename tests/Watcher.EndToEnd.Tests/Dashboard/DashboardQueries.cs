using System.Text.Json.Nodes;
using Watcher.Testing;

namespace Watcher.EndToEnd.Tests.Dashboard;

/// <summary>The shipped Grafana dashboard's panel queries, and Grafana's substitution of its variables.</summary>
internal static class DashboardQueries
{
    public static IEnumerable<(string Panel, string Query)> All()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Chart, "files", "dashboard.json")))!;
        foreach (var panel in Panels(dashboard["panels"]!.AsArray()))
        {
            foreach (var target in panel["targets"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                if ((string?)target["expr"] is { Length: > 0 } expr)
                {
                    yield return ((string?)panel["title"] ?? "(untitled)", expr);
                }
            }
        }
    }

    /// <summary>
    /// What Grafana sends for these variables: multi-value selections become a regex alternation, and $cluster's All
    /// is its allValue <c>.*</c>, which matches the scenario's series that have no cluster label.
    /// </summary>
    public static string Substitute(string query, IEnumerable<string> organizations, string job) =>
        query
            .Replace("${cluster}", ".*", StringComparison.Ordinal)
            .Replace("$cluster", ".*", StringComparison.Ordinal)
            .Replace("${organization_id}", string.Join('|', organizations), StringComparison.Ordinal)
            .Replace("$organization_id", string.Join('|', organizations), StringComparison.Ordinal)
            .Replace("${state}", "RUNNING|COMPLETED|FAILED|CANCELLED", StringComparison.Ordinal)
            .Replace("$state", "RUNNING|COMPLETED|FAILED|CANCELLED", StringComparison.Ordinal)
            .Replace("${job}", job, StringComparison.Ordinal)
            .Replace("$job", job, StringComparison.Ordinal)
            .Replace("$__rate_interval", "5m", StringComparison.Ordinal)
            .Replace("$__interval", "15s", StringComparison.Ordinal)
            .Replace("$__range", "1h", StringComparison.Ordinal);

    private static IEnumerable<JsonObject> Panels(JsonArray panels)
    {
        foreach (var panel in panels.OfType<JsonObject>())
        {
            yield return panel;
            foreach (var nested in Panels(panel["panels"]?.AsArray() ?? []))
            {
                yield return nested;
            }
        }
    }
}
