using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Watcher.Deploy.Tests.Docs;
using Watcher.Testing;
using Watcher.Testing.Processes;

namespace Watcher.Deploy.Tests.Container;

/// <summary>
/// The README's `dotnet publish -t:PublishContainer` route, as far as it goes without a registry or a network: the
/// SDK's own computation of the image, from the README's properties, matches what the Dockerfile builds. Only the
/// configuration is computed (seconds); the Native AOT build itself is <see cref="PublishedContainerTests"/>'.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class SdkContainerTests
{
    [Fact]
    public void ReadmeCommand_ComputesTheDockerfilesBaseImageEntryPointAndGarbageCollector()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var command = Assert.Single(ShellWords.Commands(readme), c => c.Contains("-t:PublishContainer", StringComparison.Ordinal));
        var words = ShellWords.Split(command.Replace("\"$(git rev-parse HEAD)\"", "0123abc", StringComparison.Ordinal));
        Assert.Equal(["sh", "eng/publish.sh"], words[..2]);
        var properties = words.Where(w => w.StartsWith("-p:", StringComparison.Ordinal)).ToList();
        var dockerfile = File.ReadAllText(Repository.File("Dockerfile"));
        var runtimeImage = RuntimeBase().Match(dockerfile).Groups[1].Value;
        var rid = ChildProcess.Run("sh", [Repository.File("eng", "publish.sh"), "--rid"], TimeSpan.FromSeconds(30)).Output.Trim();

        // The same switches eng/publish.sh gives dotnet publish, minus the build itself.
        var result = ChildProcess.Run(
            "dotnet",
            ["msbuild", Repository.File("src", "Watcher", "Watcher.csproj"), "-restore", "-t:ComputeContainerConfig", "-p:Configuration=Release", $"-p:RuntimeIdentifier={rid}", "-p:PublishAot=true", .. properties,
                "-getProperty:ContainerBaseImage", "-getProperty:ServerGarbageCollection", "-getProperty:ContainerRepository", "-getItem:ContainerAppCommand"],
            TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonNode.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..])!;

        Assert.Equal(runtimeImage, (string?)json["Properties"]!["ContainerBaseImage"]);
        Assert.Equal("false", (string?)json["Properties"]!["ServerGarbageCollection"]);
        Assert.Contains("ENV DOTNET_gcServer=0", dockerfile, StringComparison.Ordinal);
        Assert.Equal("watcher", (string?)json["Properties"]!["ContainerRepository"]);
        Assert.Contains("ENTRYPOINT [\"/app/watcher\"]", dockerfile, StringComparison.Ordinal);
        Assert.Equal("/app/watcher", (string?)Assert.Single(json["Items"]!["ContainerAppCommand"]!.AsArray())!["Identity"]);
    }

    [GeneratedRegex(@"(?m)^FROM (\S+) AS runtime$")]
    private static partial Regex RuntimeBase();
}
