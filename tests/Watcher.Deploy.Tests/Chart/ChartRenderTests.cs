using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Watcher.Configuration;
using Watcher.Metrics.Otlp;
using Watcher.Testing;
using Watcher.Testing.Deployment;
using Watcher.Testing.Processes;
using Watcher.Web;

namespace Watcher.Deploy.Tests.Chart;

public sealed class ChartRenderTests
{
    public static TheoryData<string> CiValues => ChartLintTests.CiValues;

    [Theory]
    [MemberData(nameof(CiValues))]
    public void ConfigMap_WithCiValues_PassesWatchersOwnValidation(string valuesFile)
    {
        var configMap = Helm.Settings(Helm.Manifests("-f", Path.Combine(Repository.Chart, "ci", valuesFile)));
        var json = (string)configMap["data"]!["appsettings.json"]!;

        // Read, bound and validated as Watcher does it: unknown keys and unreadable durations fail too.
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build())
            .AddSingleton<IDefaultRegionSource>(new NoDefaultRegion())
            .AddWatcherOptions()
            .BuildServiceProvider();
        IEnumerable<string> failures = [];
        try
        {
            services.GetRequiredService<IOptionsFactory<WatcherOptions>>().Create(Options.DefaultName);
        }
        catch (OptionsValidationException ex)
        {
            failures = ex.Failures;
        }

        Assert.True(!failures.Any(), $"{valuesFile}: {string.Join("; ", failures)}\n{json}");
    }

    [Fact]
    public void Deployment_Probes_UseThePathsAndPortTheAppServes()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"));
        var container = Helm.Container(manifests);
        var port = new Uri(WatcherBuilderExtensions.DefaultUrl.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;

        var metricsPort = Assert.Single(container["ports"]!.AsArray(), p => (string?)p!["name"] == "metrics")!;
        Assert.Equal(port, (int)metricsPort["containerPort"]!);
        Assert.Equal(WebExtensions.LivenessPath, (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal(WebExtensions.ReadinessPath, (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.NotNull(container["startupProbe"]!["httpGet"]);
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            Assert.Equal("metrics", (string?)container[probe]!["httpGet"]!["port"]);
        }

        var service = Helm.OfKind(manifests, "Service");
        Assert.Contains(service["spec"]!["ports"]!.AsArray(), p => (string?)p!["targetPort"] == "metrics" && (int)p!["port"]! == port);
    }

    [Fact]
    public void Deployment_SecurityContext_IsHardenedByDefault()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"));
        var pod = Helm.PodSpec(manifests);
        var container = Helm.Container(manifests);

        var podContext = pod["securityContext"]!;
        Assert.True((bool)podContext["runAsNonRoot"]!);
        Assert.Equal(1654, (int)podContext["runAsUser"]!);
        Assert.NotNull(podContext["fsGroup"]);
        Assert.Equal("RuntimeDefault", (string?)podContext["seccompProfile"]!["type"]);

        var context = container["securityContext"]!;
        Assert.True((bool)context["readOnlyRootFilesystem"]!);
        Assert.False((bool)context["allowPrivilegeEscalation"]!);
        Assert.Contains(context["capabilities"]!["drop"]!.AsArray(), c => (string?)c == "ALL");
        Assert.NotNull(container["resources"]!["requests"]);
        Assert.NotNull(pod["terminationGracePeriodSeconds"]);
    }

    [Fact]
    public void Deployment_ReadsItsConfigurationFromTheConfigMapDirectory()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"));
        var container = Helm.Container(manifests);
        var configMap = Helm.Settings(manifests);

        var workingDir = (string)container["workingDir"]!;
        var mount = Assert.Single(container["volumeMounts"]!.AsArray(), m => (string?)m!["mountPath"] == workingDir)!;
        Assert.Null(mount["subPath"]);
        var volume = Assert.Single(Helm.PodSpec(manifests)["volumes"]!.AsArray(), v => (string?)v!["name"] == (string?)mount["name"])!;
        Assert.Equal((string?)configMap["metadata"]!["name"], (string?)volume["configMap"]!["name"]);
        Assert.NotNull(configMap["data"]!["appsettings.json"]);
    }

    [Fact]
    public void Deployment_ConfigChecksum_ChangesWithTheConfiguration()
    {
        var before = Checksum(Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml")));
        var after = Checksum(Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml"), "--set", "watcher.pollInterval=00:05:00"));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Optional_ServiceMonitorRulesDashboardAndNetworkPolicy_AreOffByDefault()
    {
        var kinds = Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml")).Select(m => (string?)m["kind"]).ToList();

        Assert.DoesNotContain("ServiceMonitor", kinds);
        Assert.DoesNotContain("PrometheusRule", kinds);
        Assert.DoesNotContain("NetworkPolicy", kinds);
        Assert.Equal(1, kinds.Count(k => k == "ConfigMap"));
    }

    [Fact]
    public void Everything_WhenTurnedOn_RendersServiceMonitorRulesDashboardAndNetworkPolicy()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("everything-values.yaml"));

        var monitor = Helm.OfKind(manifests, "ServiceMonitor");
        var endpoint = monitor["spec"]!["endpoints"]![0]!;
        Assert.Equal("metrics", (string?)endpoint["port"]);
        Assert.Equal(WebExtensions.MetricsPath, (string?)endpoint["path"]);
        Assert.NotNull(endpoint["interval"]);
        Assert.NotNull(endpoint["scrapeTimeout"]);
        Helm.OfKind(manifests, "PrometheusRule");
        Helm.OfKind(manifests, "NetworkPolicy");
        var dashboard = Assert.Single(manifests, m => (string?)m["kind"] == "ConfigMap" && m["data"]?["watcher.json"] is not null);
        Assert.NotEmpty(dashboard["metadata"]!["labels"]!.AsObject());
    }

    [Fact]
    public void NetworkPolicy_WithPodIdentityValues_AllowsTheAgentOnPort80AtBothAddressesOnly()
    {
        var egress = Egress(Helm.Manifests("-f", Helm.CiFile("pod-identity-values.yaml")));

        var agent = Assert.Single(egress, rule => rule["ports"]!.AsArray().Any(p => (int?)p!["port"] == 80))!;
        var port = Assert.Single(agent["ports"]!.AsArray())!;
        Assert.Equal("TCP", (string?)port["protocol"]);
        Assert.Equal(["169.254.170.23/32", "fd00:ec2::23/128"], agent["to"]!.AsArray().Select(p => (string?)p!["ipBlock"]!["cidr"]));
        Assert.Contains(egress, rule => rule["ports"]!.AsArray().Any(p => (int?)p!["port"] == 443));
    }

    [Fact]
    public void NetworkPolicy_WithoutPodIdentityAgent_OpensNoPort80()
    {
        var egress = Egress(Helm.Manifests("-f", Helm.CiFile("everything-values.yaml")));

        Assert.DoesNotContain(egress, rule => rule["ports"]?.AsArray().Any(p => (int?)p!["port"] == 80) == true);
        Assert.DoesNotContain(egress, rule => rule.ToJsonString().Contains("169.254.170.23", StringComparison.Ordinal));
    }

    [Fact]
    public void NetworkPolicy_PodIdentityAgentButPolicyOff_RendersNoPolicy()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("pod-identity-values.yaml"), "--set", "networkPolicy.enabled=false");

        Assert.DoesNotContain(manifests, m => (string?)m["kind"] == "NetworkPolicy");
    }

    [Fact]
    public void ExistingSecret_SuppliesKeysThroughEnv_NeverTheConfigMap()
    {
        var manifests = Helm.Manifests("-f", Helm.CiFile("everything-values.yaml"));
        var env = Helm.Container(manifests)["env"]!.AsArray();
        var configMapText = Helm.Settings(manifests).ToJsonString();

        var secretKey = Assert.Single(env, e => (string?)e!["name"] == "AWS_SECRET_ACCESS_KEY")!;
        Assert.NotNull(secretKey["valueFrom"]!["secretKeyRef"]);
        Assert.DoesNotContain("SecretAccessKey", configMapText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AWS_SECRET", configMapText, StringComparison.Ordinal);
    }

    [Fact]
    public void Otlp_ByDefault_SetsNoOtelVariable()
    {
        var env = Helm.Container(Helm.Manifests("-f", Helm.CiFile("minimal-values.yaml")))["env"]!.AsArray();

        Assert.DoesNotContain(env, e => ((string?)e!["name"])!.StartsWith("OTEL_", StringComparison.Ordinal));
    }

    [Fact]
    public void Otlp_WhenEnabled_SetsTheStandardVariables_HeadersFromTheSecret()
    {
        var env = Helm.Container(Helm.Manifests("-f", Helm.CiFile("everything-values.yaml")))["env"]!.AsArray();
        string? Value(string name) => (string?)Assert.Single(env, e => (string?)e!["name"] == name)!["value"];

        Assert.Equal("http://otel-collector.observability:4318", Value(OtlpExport.EndpointVariable));
        Assert.Equal("http/protobuf", Value("OTEL_EXPORTER_OTLP_PROTOCOL"));
        Assert.Equal("30000", Value("OTEL_METRIC_EXPORT_INTERVAL"));
        Assert.Equal("workmail-watcher", Value("OTEL_SERVICE_NAME"));
        Assert.Equal("deployment.environment=prod", Value("OTEL_RESOURCE_ATTRIBUTES"));
        var headers = Assert.Single(env, e => (string?)e!["name"] == "OTEL_EXPORTER_OTLP_HEADERS")!["valueFrom"]!["secretKeyRef"]!;
        Assert.Equal(("watcher-otlp-headers", "OTEL_EXPORTER_OTLP_HEADERS"), ((string?)headers["name"], (string?)headers["key"]));
    }

    [Fact]
    public void Otlp_EnabledWithoutAnEndpoint_FailsToRender()
    {
        var result = Tool.Helm.Run(["template", Helm.Release, Repository.Chart, "-f", Helm.CiFile("minimal-values.yaml"), "--set", "otlp.enabled=true"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("otlp.endpoint is required", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceAccount_WithIrsaValues_CarriesTheRoleAnnotation()
    {
        var account = Helm.OfKind(Helm.Manifests("-f", Helm.CiFile("irsa-values.yaml")), "ServiceAccount");

        Assert.StartsWith("arn:aws:iam::", (string?)account["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"], StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceAccount_WithPodIdentityValues_NeedsNoRoleAnnotation()
    {
        var account = Helm.OfKind(Helm.Manifests("-f", Helm.CiFile("pod-identity-values.yaml")), "ServiceAccount");

        Assert.Equal("workmail-watcher", (string?)account["metadata"]!["name"]);
        Assert.Null(account["metadata"]!["annotations"]?["eks.amazonaws.com/role-arn"]);
    }

    private static List<JsonNode> Egress(List<JsonObject> manifests) =>
        [.. Helm.OfKind(manifests, "NetworkPolicy")["spec"]!["egress"]!.AsArray().Select(rule => rule!)];

    private static string Checksum(List<JsonObject> manifests) =>
        Helm.OfKind(manifests, "Deployment")["spec"]!["template"]!["metadata"]!["annotations"]!.AsObject()
            .Single(a => a.Key.StartsWith("checksum/", StringComparison.Ordinal)).Value!.ToString();

    private sealed class NoDefaultRegion : IDefaultRegionSource
    {
        public string? GetRegion() => null;
    }
}
