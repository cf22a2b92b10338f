using System.Text.Json.Nodes;
using Watcher.Testing.Deployment;
using Watcher.Web;

namespace Watcher.Deploy.Tests.Chart;

/// <summary>The pod <c>helm test</c> runs: it asks the Service for /readyz.</summary>
public sealed class ChartTestHookTests
{
    [Fact]
    public void TestPod_IsAHelmTestHook_DeletedOnceItSucceeds()
    {
        var pod = Helm.OfKind(Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml")), "Pod");
        var annotations = pod["metadata"]!["annotations"]!;

        Assert.Equal("test", (string?)annotations["helm.sh/hook"]);
        Assert.Equal(["before-hook-creation", "hook-succeeded"], ((string)annotations["helm.sh/hook-delete-policy"]!).Split(','));
        Assert.Equal("Never", (string?)pod["spec"]!["restartPolicy"]);
    }

    [Theory]
    [InlineData("minimal-values.yaml")]
    [InlineData("everything-values.yaml")]
    public void TestPod_FetchesReadyzThroughTheService(string valuesFile)
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile(valuesFile));
        var service = Helm.OfKind(manifests, "Service");
        var pod = Helm.OfKind(manifests, "Pod");
        var command = pod["spec"]!["containers"]![0]!["command"]!.AsArray().Select(a => (string)a!).ToList();

        var url = new Uri(command[^1]);
        Assert.Equal("wget", command[0]);
        Assert.Equal($"{service["metadata"]!["name"]}.{service["metadata"]!["namespace"]}.svc", url.Host);
        Assert.Equal((int)service["spec"]!["ports"]![0]!["port"]!, url.Port);
        Assert.Equal(WebExtensions.ReadinessPath, url.AbsolutePath);
        Assert.Equal(service["metadata"]!["namespace"]!.ToString(), pod["metadata"]!["namespace"]!.ToString());
    }

    [Fact]
    public void TestPod_IsNeverSelectedByTheService()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"));
        var selector = Helm.OfKind(manifests, "Service")["spec"]!["selector"]!.AsObject();
        var labels = Helm.OfKind(manifests, "Pod")["metadata"]!["labels"]!.AsObject();

        Assert.False(Matches(selector, labels), $"The Service selector {selector.ToJsonString()} selects the test pod {labels.ToJsonString()}.");
        Assert.True(Matches(selector, Helm.PodSpec(manifests).Parent!["metadata"]!["labels"]!.AsObject()));
    }

    [Fact]
    public void TestPod_SecurityContext_MeetsPodSecurityRestricted()
    {
        var spec = Helm.OfKind(Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml")), "Pod")["spec"]!;
        var container = spec["containers"]![0]!;

        // What the "restricted" Pod Security Standard requires of a pod and its containers.
        Assert.True((bool)spec["securityContext"]!["runAsNonRoot"]!);
        Assert.NotEqual(0, (int)spec["securityContext"]!["runAsUser"]!);
        Assert.Equal("RuntimeDefault", (string?)spec["securityContext"]!["seccompProfile"]!["type"]);
        Assert.False((bool)container["securityContext"]!["allowPrivilegeEscalation"]!);
        Assert.Equal(["ALL"], container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
        Assert.Null(container["securityContext"]!["capabilities"]!["add"]);
        Assert.False((bool)spec["automountServiceAccountToken"]!);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);
    }

    [Fact]
    public void NetworkPolicy_WithRestrictedIngress_AdmitsTheTestPod()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("everything-values.yaml"));
        var policy = Helm.OfKind(manifests, "NetworkPolicy");
        var pod = Helm.OfKind(manifests, "Pod");
        var peers = Assert.Single(policy["spec"]!["ingress"]!.AsArray())!["from"]!.AsArray();

        // A peer with only a podSelector stands for pods in the policy's own namespace.
        Assert.Equal(policy["metadata"]!["namespace"]!.ToString(), pod["metadata"]!["namespace"]!.ToString());
        Assert.Contains(peers, p => p!["namespaceSelector"] is null && p["ipBlock"] is null
            && Matches(p["podSelector"]!["matchLabels"]!.AsObject(), pod["metadata"]!["labels"]!.AsObject()));
        Assert.True(Matches(policy["spec"]!["podSelector"]!["matchLabels"]!.AsObject(), Helm.PodSpec(manifests).Parent!["metadata"]!["labels"]!.AsObject()));
    }

    [Fact]
    public void TestPod_WhenDisabled_IsNotRenderedNorAdmitted()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("everything-values.yaml"), "--set", "test.enabled=false");
        var peers = Helm.OfKind(manifests, "NetworkPolicy")["spec"]!["ingress"]![0]!["from"]!.AsArray();

        Assert.DoesNotContain(manifests, m => (string?)m["kind"] == "Pod");
        Assert.Single(peers);
    }

    private static bool Matches(JsonObject selector, JsonObject labels) =>
        selector.All(s => labels[s.Key] is { } value && (string?)value == (string?)s.Value);
}
