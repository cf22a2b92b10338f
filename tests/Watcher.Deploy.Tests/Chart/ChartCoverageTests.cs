using System.Text.Json.Nodes;
using Watcher.Testing;
using Watcher.Testing.Deployment;
using Watcher.Testing.Processes;

namespace Watcher.Deploy.Tests.Chart;

/// <summary>The coverage store's volume: an emptyDir by default, a PersistentVolumeClaim with coverage.persistence.</summary>
public sealed class ChartCoverageTests
{
    private const string StorePath = "/var/lib/watcher/coverage.db";

    [Fact]
    public void Deployment_ByDefault_PutsTheStoreOnAnEmptyDirAtTheConfiguredPath()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"));

        Assert.Equal(StorePath, (string?)Coverage(manifests)!["StorePath"]);
        Assert.Equal("64Mi", (string?)Volume(manifests)["emptyDir"]!["sizeLimit"]);
        Assert.Equal(Path.GetDirectoryName(StorePath), (string?)Mount(manifests)["mountPath"]);
        Assert.DoesNotContain(manifests, m => (string?)m["kind"] == "PersistentVolumeClaim");
        Assert.Null(Helm.OfKind(manifests, "Deployment")["spec"]!["strategy"]);
    }

    [Fact]
    public void Deployment_WithPersistence_MountsTheCreatedClaimAndRecreatesThePod()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("coverage-persistence-values.yaml"));

        var claim = Helm.OfKind(manifests, "PersistentVolumeClaim");
        Assert.Equal((string?)claim["metadata"]!["name"], (string?)Volume(manifests)["persistentVolumeClaim"]!["claimName"]);
        Assert.Equal("2Gi", (string?)claim["spec"]!["resources"]!["requests"]!["storage"]);
        Assert.Equal("gp3", (string?)claim["spec"]!["storageClassName"]);
        Assert.Equal("keep", (string?)claim["metadata"]!["annotations"]!["helm.sh/resource-policy"]);
        Assert.Equal("Recreate", (string?)Helm.OfKind(manifests, "Deployment")["spec"]!["strategy"]!["type"]);
        Assert.Equal("180.00:00:00", (string?)Coverage(manifests)!["MaxAge"]);
    }

    [Fact]
    public void Deployment_WithAnExistingClaim_MountsItAndCreatesNone()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"), "--set", "coverage.persistence.enabled=true", "--set", "coverage.persistence.existingClaim=watcher-memory");

        Assert.Equal("watcher-memory", (string?)Volume(manifests)["persistentVolumeClaim"]!["claimName"]);
        Assert.DoesNotContain(manifests, m => (string?)m["kind"] == "PersistentVolumeClaim");
    }

    [Fact]
    public void Template_WithPersistenceAndTwoReplicas_FailsNamingTheConflict()
    {
        var result = Tool.Helm.Run(["template", Helm.Release, Repository.Chart, "-f", Helm.CiFile("coverage-persistence-values.yaml"), "--set", "replicaCount=2"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("coverage.persistence.enabled with replicaCount > 1", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigMap_WithCoverageOff_SetsNoStorePath()
    {
        var coverage = Coverage(Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"), "--set", "watcher.coverage.enabled=false"));

        Assert.False((bool)coverage["Enabled"]!);
        Assert.Null(coverage["StorePath"]);
    }

    private static JsonNode Coverage(List<JsonObject> manifests) =>
        JsonNode.Parse((string)Helm.Settings(manifests)["data"]!["appsettings.json"]!)!["Watcher"]!["Coverage"]!;

    private static JsonNode Volume(List<JsonObject> manifests) =>
        Assert.Single(Helm.PodSpec(manifests)["volumes"]!.AsArray(), v => (string?)v!["name"] == "coverage")!;

    private static JsonNode Mount(List<JsonObject> manifests) =>
        Assert.Single(Helm.Container(manifests)["volumeMounts"]!.AsArray(), v => (string?)v!["name"] == "coverage")!;
}
