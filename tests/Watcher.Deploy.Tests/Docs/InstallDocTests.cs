using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Watcher.Testing;
using Watcher.Testing.Deployment;
using Watcher.Testing.Processes;

namespace Watcher.Deploy.Tests.Docs;

/// <summary>
/// The install commands in the READMEs, rendered by helm exactly as written (release, namespace, values), so that the
/// service account an IAM trust policy or an EKS pod identity association names is the one the chart creates.
/// </summary>
public sealed partial class InstallDocTests
{
    private const string IrsaHeading = "**Credentials on EKS (IRSA).**";

    private const string PodIdentityHeading = "**Credentials on EKS (Pod Identity).**";

    private static readonly string Readme = File.ReadAllText(Repository.File("README.md"));

    private static readonly string ChartReadme = File.ReadAllText(Path.Combine(Repository.Chart, "README.md"));

    public static TheoryData<string, int> HelmInstalls
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (name, text) in new[] { ("README.md", Readme), ("charts/watcher/README.md", ChartReadme) })
            {
                for (var i = 0; i < HelmInstallCommands(text).Count; i++)
                {
                    data.Add(name, i);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(HelmInstalls))]
    public void HelmInstall_AsWritten_Renders(string readme, int index)
    {
        var command = HelmInstallCommands(readme == "README.md" ? Readme : ChartReadme)[index];

        var manifests = Render(command);

        Helm.OfKind(manifests, "Deployment");
    }

    [Fact]
    public void Irsa_TrustPolicy_NamesTheServiceAccountTheInstallCommandCreates()
    {
        var section = Section(Readme, IrsaHeading, PodIdentityHeading);
        var trusted = Assert.Single(TrustedServiceAccount().Matches(section));
        var manifests = Render(Assert.Single(HelmInstallCommands(section)));

        var account = AssertServiceAccount(manifests, trusted.Groups["namespace"].Value, trusted.Groups["name"].Value);
        Assert.StartsWith("arn:aws:iam::", (string?)account["metadata"]!["annotations"]?["eks.amazonaws.com/role-arn"], StringComparison.Ordinal);
    }

    [Fact]
    public void PodIdentity_Association_NamesTheServiceAccountTheInstallCommandCreates()
    {
        var section = Section(Readme, PodIdentityHeading, "Without either");
        var association = ShellWords.Split(Assert.Single(ShellWords.Commands(section), c => c.StartsWith("aws eks create-pod-identity-association ", StringComparison.Ordinal)));
        var manifests = Render(Assert.Single(HelmInstallCommands(section)));

        AssertServiceAccount(manifests, Option(association, "--namespace"), Option(association, "--service-account"));
        Assert.Contains(Helm.OfKind(manifests, "NetworkPolicy")["spec"]!["egress"]!.AsArray(), rule => rule!.ToJsonString().Contains("169.254.170.23", StringComparison.Ordinal));
    }

    [Fact]
    public void ChartReadme_ServiceAccountItNames_IsTheOneTheInstallCommandCreates()
    {
        var named = Assert.Single(TrustedServiceAccount().Matches(ChartReadme));

        AssertServiceAccount(Render(Assert.Single(HelmInstallCommands(ChartReadme))), named.Groups["namespace"].Value, named.Groups["name"].Value);
    }

    [Theory]
    [InlineData("workmail", "", "workmail-watcher")]
    [InlineData("watcher", "", "watcher")]
    [InlineData("my-watcher", "", "my-watcher")]
    [InlineData("workmail", "custom", "custom")]
    public void ServiceAccountName_AsTheReadmeExplainsIt_FollowsReleaseAndValue(string release, string name, string expected)
    {
        Assert.Contains("`<release>-watcher`", Readme, StringComparison.Ordinal);
        var result = Tool.Helm.Run("template", release, Repository.Chart, "--namespace", "monitoring", "-f", Helm.CiFile("minimal-values.yaml"), "--set", $"serviceAccount.name={name}");
        Assert.True(result.ExitCode == 0, result.ToString());

        AssertServiceAccount(Yaml.Documents(result.Output), "monitoring", expected);
    }

    /// <summary>The rendered ServiceAccount has this namespace and name, and the pod runs as it.</summary>
    private static JsonObject AssertServiceAccount(List<JsonObject> manifests, string expectedNamespace, string expectedName)
    {
        var account = Helm.OfKind(manifests, "ServiceAccount");
        Assert.Equal((expectedNamespace, expectedName), ((string?)account["metadata"]!["namespace"], (string?)account["metadata"]!["name"]));
        Assert.Equal(expectedName, (string?)Helm.PodSpec(manifests)["serviceAccountName"]);
        return account;
    }

    /// <summary>Runs a README's <c>helm install RELEASE CHART ...</c> as <c>helm template</c> with the same arguments.</summary>
    private static List<JsonObject> Render(string command)
    {
        var words = ShellWords.Split(command);
        Assert.True(words.Count > 4 && words[0] == "helm" && words[1] == "install", $"Not a helm install command: {command}");
        Assert.Contains(words[3], new[] { "charts/watcher", "./charts/watcher" });
        Assert.Contains("--namespace", words);

        var result = Tool.Helm.Run(["template", words[2], Repository.Chart, .. words.Skip(4)]);

        Assert.True(result.ExitCode == 0, $"{command}\n{result}");
        return Yaml.Documents(result.Output);
    }

    private static string Option(List<string> words, string option)
    {
        var at = words.IndexOf(option);
        Assert.True(at >= 0 && at + 1 < words.Count, $"{option} is missing from: {string.Join(' ', words)}");
        return words[at + 1];
    }

    private static string Section(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"The README has no '{from}'.");
        var end = text.IndexOf(to, start, StringComparison.Ordinal);
        Assert.True(end >= 0, $"The README has no '{to}' after '{from}'.");
        return text[start..end];
    }

    private static List<string> HelmInstallCommands(string text) =>
        [.. ShellWords.Commands(text).Where(c => c.StartsWith("helm install ", StringComparison.Ordinal))];

    [GeneratedRegex(@"system:serviceaccount:(?<namespace>[a-z0-9-]+):(?<name>[a-z0-9.-]+)")]
    private static partial Regex TrustedServiceAccount();
}
