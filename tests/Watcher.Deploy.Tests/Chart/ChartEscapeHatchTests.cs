using System.Text.Json.Nodes;
using Watcher.Testing.Deployment;

namespace Watcher.Deploy.Tests.Chart;

/// <summary>The escape hatches users know from the prometheus-community charts: extra volumes and manifests,
/// global.imageRegistry and a PodDisruptionBudget.</summary>
public sealed class ChartEscapeHatchTests
{
    [Fact]
    public void ExtraVolumes_WithEverythingValues_AreMountedBesideTheChartsOwn()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("everything-values.yaml"));
        var volumes = Helm.PodSpec(manifests)["volumes"]!.AsArray().Select(v => (string?)v!["name"]).ToList();
        var mounts = Helm.Container(manifests)["volumeMounts"]!.AsArray();

        Assert.Equal(["config", "tmp", "coverage", "aws-config", "ca-bundle"], volumes);
        var awsConfig = Assert.Single(mounts, m => (string?)m!["name"] == "aws-config")!;
        Assert.Equal("/etc/aws", (string?)awsConfig["mountPath"]);
        Assert.True((bool)awsConfig["readOnly"]!);
        Assert.Contains(mounts, m => (string?)m!["name"] == "config" && (string?)m["mountPath"] == "/config");
    }

    [Fact]
    public void ExtraManifests_AsObjectsAndStrings_AreRenderedWithTpl()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("everything-values.yaml"));
        var fullName = (string?)Helm.OfKind(manifests, "Deployment")["metadata"]!["name"];

        var fromObject = Assert.Single(manifests, m => (string?)m["metadata"]!["name"] == $"{fullName}-aws-config");
        Assert.Equal("observability", (string?)fromObject["metadata"]!["namespace"]);
        Assert.Contains("sts_regional_endpoints", (string?)fromObject["data"]!["config"], StringComparison.Ordinal);
        var fromString = Assert.Single(manifests, m => (string?)m["metadata"]!["name"] == $"{fullName}-ca");
        Assert.Equal("platform", (string?)fromString["metadata"]!["labels"]!["team"]);
        Assert.DoesNotContain("{{", fromObject.ToJsonString() + fromString.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraManifests_ByDefault_RenderNothing()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"));

        Assert.Equal(["ConfigMap", "Deployment", "Pod", "Service", "ServiceAccount"], manifests.Select(m => (string)m["kind"]!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "ghcr.io/example-owner/watcher:1.0.0", "docker.io/library/busybox:1.37.0")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/mirror", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/mirror/example-owner/watcher:1.0.0", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/mirror/library/busybox:1.37.0")]
    public void GlobalImageRegistry_WhenSet_ReplacesTheRegistryOfEveryImage(string registry, string watcherImage, string testImage)
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"), "--set", "image.registry=ghcr.io", "--set", "image.repository=example-owner/watcher", "--set", $"global.imageRegistry={registry}");

        Assert.Equal(watcherImage, (string?)Helm.Container(manifests)["image"]);
        Assert.Equal(testImage, (string?)Helm.OfKind(manifests, "Pod")["spec"]!["containers"]![0]!["image"]);
    }

    [Fact]
    public void GlobalImageRegistry_WithAWholeRepositoryAndNoRegistry_GoesInFront()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"), "--set", "global.imageRegistry=mirror.example.com");

        Assert.Equal("mirror.example.com/111122223333.dkr.ecr.eu-west-1.amazonaws.com/watcher:1.0.0", (string?)Helm.Container(manifests)["image"]);
    }

    [Fact]
    public void GlobalImageRegistry_WithADigest_KeepsTheDigest()
    {
        var digest = "sha256:" + new string('a', 64);
        var manifests = Helm.Manifests("-f", Helm.CiFile("multi-region-values.yaml"), "--set", "global.imageRegistry=mirror.example.com", "--set", $"image.digest={digest}");

        Assert.Equal($"mirror.example.com/watcher@{digest}", (string?)Helm.Container(manifests)["image"]);
    }

    [Fact]
    public void PodDisruptionBudget_WithOneReplica_IsNotCreated()
    {
        var kinds = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml")).Select(m => (string?)m["kind"]);

        Assert.DoesNotContain("PodDisruptionBudget", kinds);
    }

    [Theory]
    [InlineData(new[] { "replicaCount=2" }, "maxUnavailable", "1")]
    [InlineData(new[] { "replicaCount=3", "podDisruptionBudget.minAvailable=2" }, "minAvailable", "2")]
    [InlineData(new[] { "replicaCount=4", "podDisruptionBudget.maxUnavailable=50%" }, "maxUnavailable", "\"50%\"")]
    [InlineData(new[] { "replicaCount=2", "podDisruptionBudget.maxUnavailable=0" }, "maxUnavailable", "0")]
    public void PodDisruptionBudget_WithSeveralReplicas_GuardsTheWatcherPods(string[] settings, string field, string value)
    {
        var manifests = Helm.Manifests(["-f", Helm.CiFile("minimal-values.yaml"), .. settings.SelectMany(s => new[] { "--set", s })]);
        var spec = Helm.OfKind(manifests, "PodDisruptionBudget")["spec"]!.AsObject();

        Assert.Equal(value, spec[field]!.ToJsonString());
        Assert.Equal(2, spec.Count);
        Assert.True(JsonNode.DeepEquals(Helm.OfKind(manifests, "Deployment")["spec"]!["selector"], spec["selector"]));
    }

    [Fact]
    public void PodDisruptionBudget_WhenDisabled_IsNotCreated()
    {
        var kinds = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"), "--set", "replicaCount=2", "--set", "podDisruptionBudget.enabled=false").Select(m => (string?)m["kind"]);

        Assert.DoesNotContain("PodDisruptionBudget", kinds);
    }
}
