
using Watcher.Testing;
using Watcher.Testing.Deployment;
using Watcher.Testing.Processes;

namespace Watcher.Deploy.Tests.Chart;

public sealed class ChartLintTests
{
    public static TheoryData<string> CiValues => [.. Helm.CiValuesFiles.Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(CiValues))]
    public void Lint_WithCiValues_PassesStrict(string valuesFile)
    {
        var result = Tool.Helm.Run("lint", "--strict", Repository.Chart, "-f", Path.Combine(Repository.Chart, "ci", valuesFile));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [MemberData(nameof(CiValues))]
    public void Template_WithCiValues_RendersADeployment(string valuesFile)
    {
        var manifests = Helm.Manifests("-f", Path.Combine(Repository.Chart, "ci", valuesFile));

        Helm.OfKind(manifests, "Deployment");
        Helm.Settings(manifests);
        Helm.OfKind(manifests, "Service");
    }

    [Theory]
    [InlineData("replicaCount: two\n", "replicaCount")]
    [InlineData("watcher:\n  maxWatchedJobs: many\n", "maxWatchedJobs")]
    [InlineData("serviceMonitor:\n  enabled: \"yes\"\n", "enabled")]
    [InlineData("watcher:\n  organizations:\n    - organizationId: bogus\n", "organizationId")]
    [InlineData("podDisruptionBudget:\n  minAvailable: 1\n  maxUnavailable: 1\n", "podDisruptionBudget")]
    [InlineData("podDisruptionBudget:\n  minAvailable: half\n", "minAvailable")]
    [InlineData("extraVolumeMounts:\n  - name: ca-bundle\n", "mountPath")]
    [InlineData("extraManifests:\n  - 42\n", "extraManifests")]
    [InlineData("global:\n  imageRegistry: 5\n", "imageRegistry")]
    [InlineData("test:\n  timeoutSeconds: soon\n", "timeoutSeconds")]
    [InlineData("watcher:\n  pollInterval: \"30\"\n", "pollInterval")]
    [InlineData("watcher:\n  pollInterval: 30\n", "pollInterval")]
    [InlineData("watcher:\n  maxBackoff: 1 hour\n", "maxBackoff")]
    [InlineData("watcher:\n  aws:\n    requestTimeout: 10sec\n", "requestTimeout")]
    public void Lint_WithWrongType_FailsOnTheSchema(string values, string offendingKey)
    {
        var file = Path.Combine(Path.GetTempPath(), $"watcher-bad-values-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, values);
        try
        {
            var result = Tool.Helm.Run("lint", "--strict", Repository.Chart, "-f", file);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("schema", result.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains(offendingKey, result.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
