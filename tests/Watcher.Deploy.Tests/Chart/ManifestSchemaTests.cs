using Watcher.Testing;
using Watcher.Testing.Deployment;

namespace Watcher.Deploy.Tests.Chart;

/// <summary>Every manifest the chart renders, checked against the real Kubernetes and prometheus-operator schemas.</summary>
public sealed class ManifestSchemaTests
{
    /// <summary>Every ci/ values file, relative to the chart. The defaults alone render nothing, since they name no
    /// image (<see cref="ChartImageTests"/>); minimal-values.yaml is the defaults plus what an install needs.</summary>
    public static TheoryData<string> ValuesFiles =>
        [.. Helm.CiValuesFiles.Select(f => Path.Combine("ci", Path.GetFileName(f)))];

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void Validate_EveryRenderedManifest_MatchesTheSchemas(string valuesFile)
    {
        var manifests = Helm.Template("-f", Path.Combine(Repository.Chart, valuesFile));
        var kinds = Yaml.Documents(manifests).Select(m => (string)m["kind"]!).ToList();

        var result = ManifestValidator.Validate(manifests);

        Assert.True(result.ExitCode == 0, $"{valuesFile}: {result}");
        Assert.Contains($"{kinds.Count} valid, 0 invalid", result.Output, StringComparison.Ordinal);
        Assert.Contains("Deployment", kinds);
    }

    [Theory]
    [InlineData("  replicas: 1\n", "  replicas: \"two\"\n", "Deployment/watcher", "/spec/replicas must be integer")]
    [InlineData("port: metrics\n      path: /metrics\n", "port: metrics\n      path: /metrics\n      interval: soon\n", "ServiceMonitor/watcher", "/spec/endpoints/0/interval must match pattern")]
    [InlineData("  appsettings.json: |-\n", "  replicas: 2\n  appsettings.json: |-\n", "ConfigMap/watcher", "/data/replicas must be string")]
    public void Validate_WithABrokenManifest_FailsNamingTheObjectAndPath(string good, string broken, string objectName, string error)
    {
        var manifests = Helm.Template("-f", Helm.CiFile("irsa-values.yaml"));
        Assert.Contains(good, manifests, StringComparison.Ordinal);

        var result = ManifestValidator.Validate(manifests.Replace(good, broken, StringComparison.Ordinal));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"FAIL {objectName} ", result.Output, StringComparison.Ordinal);
        Assert.Contains(error, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.com/v1", "Widget")]
    [InlineData("apps/v1", "DeploymentSpec")]
    [InlineData("monitoring.coreos.com/v1", "ServiceMonitorSpec")]
    public void Validate_WithAnUnknownKind_Fails(string apiVersion, string kind)
    {
        var manifests = Helm.Template("-f", Helm.CiFile("minimal-values.yaml"))
            + $"---\napiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: mystery\n";

        var result = ManifestValidator.Validate(manifests);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"FAIL {kind}/mystery", result.Output, StringComparison.Ordinal);
        Assert.Contains("unknown kind", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithNoManifest_FailsRatherThanPassing()
    {
        var result = ManifestValidator.Validate("---\n# nothing rendered\n");

        Assert.Equal(2, result.ExitCode);
    }
}
