using System.Text.Json.Nodes;
using Watcher.Testing.Processes;

namespace Watcher.Testing.Deployment;

/// <summary>The chart rendered by the real helm.</summary>
public static class Helm
{
    public const string Release = "watcher";

    /// <summary>Every file in the chart's ci/ folder, whatever its name, so that a new one is linted and validated at once.</summary>
    public static IEnumerable<string> CiValuesFiles => Directory.GetFiles(Path.Combine(Repository.Chart, "ci"), "*.yaml").Order(StringComparer.Ordinal);

    /// <summary><c>helm template</c> with the release name the tests use, failing the test on any error.</summary>
    public static string Template(params string[] arguments)
    {
        var result = Tool.Helm.Run(["template", Release, Repository.Chart, "--namespace", "monitoring", .. arguments]);
        Assert.True(result.ExitCode == 0, $"helm template failed: {result}");
        return result.Output;
    }

    public static List<JsonObject> Manifests(params string[] arguments) => Yaml.Documents(Template(arguments));

    /// <summary>The one manifest of <paramref name="kind"/>; fails the test unless there is exactly one.</summary>
    public static JsonObject OfKind(List<JsonObject> manifests, string kind) =>
        Assert.Single(manifests, m => (string?)m["kind"] == kind);

    /// <summary>The path of a values file in the chart's ci/ folder.</summary>
    public static string CiFile(string name) => Path.Combine(Repository.Chart, "ci", name);

    /// <summary>The pod spec of the one Deployment.</summary>
    public static JsonNode PodSpec(List<JsonObject> manifests) => OfKind(manifests, "Deployment")["spec"]!["template"]!["spec"]!;

    /// <summary>Watcher's container, the first of the Deployment's pod.</summary>
    public static JsonNode Container(List<JsonObject> manifests) => PodSpec(manifests)["containers"]![0]!;

    /// <summary>The ConfigMap holding Watcher's appsettings.json (the dashboard has a ConfigMap of its own).</summary>
    public static JsonObject Settings(List<JsonObject> manifests) =>
        Assert.Single(manifests, m => (string?)m["kind"] == "ConfigMap" && m["data"]?["appsettings.json"] is not null);
}
