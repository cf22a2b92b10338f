using System.Text.RegularExpressions;
using Watcher.Testing;
using Watcher.Testing.Deployment;
using Watcher.Testing.Processes;

namespace Watcher.Deploy.Tests.Chart;

/// <summary>No image is published for the chart to default to, so it renders only once told which image to run.</summary>
public sealed partial class ChartImageTests
{
    [Theory]
    [InlineData("logLevel=Information")]
    [InlineData("image.repository=")]
    [InlineData("image.registry=ghcr.io")]
    public void Template_WithoutImageRepository_FailsSayingHowToGetAnImage(string setting)
    {
        var result = Tool.Helm.Run("template", Helm.Release, Repository.Chart, "--set", "watcher.organizations[0].organizationId=m-0123456789abcdef0123456789abcdef", "--set", setting);

        Assert.NotEqual(0, result.ExitCode);
        var error = result.ToString();
        Assert.Contains("image.repository is required: build and push Watcher's image", error, StringComparison.Ordinal);

        // The message names a README section; it must be there, with the commands.
        var section = Assert.Single(SectionNamed().Matches(error)).Groups[1].Value;
        var readme = File.ReadAllText(Repository.File("README.md"));
        Assert.Contains($"\n## {section}\n", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_WithImageRepository_RunsThatImageAtTheAppVersion()
    {
        var manifests = Helm.Manifests("--set", "watcher.organizations[0].organizationId=m-0123456789abcdef0123456789abcdef", "--set", "image.repository=ghcr.io/example-owner/watcher");
        var appVersion = (string?)Yaml.Documents(File.ReadAllText(Path.Combine(Repository.Chart, "Chart.yaml"))).Single()["appVersion"];

        Assert.Equal($"ghcr.io/example-owner/watcher:{appVersion}", (string?)Helm.Container(manifests)["image"]);
    }

    [GeneratedRegex(@"README\.md, ""([^""]+)""")]
    private static partial Regex SectionNamed();
}
