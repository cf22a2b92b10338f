using System.Text.RegularExpressions;
using Watcher.Testing;
using Watcher.Testing.Processes;

namespace Watcher.Deploy.Tests.Container;

/// <summary>What the Dockerfile and .dockerignore say, read as text: there is no Docker engine here to build them.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Repository.File("Dockerfile"));

    private static readonly DockerIgnore Ignore = DockerIgnore.Parse(File.ReadAllText(Repository.File(".dockerignore")));

    [Fact]
    public void Dockerfile_PublishesWithTheSharedScriptAndRunsAsTheAppUser()
    {
        Assert.Matches(@"(?m)^RUN sh eng/publish\.sh /app .*--no-restore$", Dockerfile);
        Assert.Matches(@"(?m)^USER \$APP_UID$", Dockerfile);
        Assert.Matches(@"(?m)^EXPOSE 9464$", Dockerfile);
        Assert.Contains("ENTRYPOINT [\"/app/watcher\"]", Dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/runtime-deps:10\.0[^\s]*chiseled", Dockerfile);
        // The restore layer copies only the build and project files.
        var restore = Dockerfile.IndexOf("RUN dotnet restore", StringComparison.Ordinal);
        Assert.True(restore > 0 && restore < Dockerfile.IndexOf("COPY src/ src/", StringComparison.Ordinal));
        Assert.Equal(9464, new Uri(WatcherBuilderExtensions.DefaultUrl.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port);
    }

    [Fact]
    public void Dockerfile_HandsVersionAndRevisionToThePublishAndTheLabels()
    {
        var build = Stage("build");
        var runtime = Stage("runtime");

        // An ARG before the first FROM gives the default; each stage must declare it again to see it.
        Assert.Matches(@"(?m)^ARG VERSION=\S+$", Dockerfile[..Dockerfile.IndexOf("\nFROM ", StringComparison.Ordinal)]);
        Assert.Matches(@"(?m)^ARG REVISION=\S+$", Dockerfile[..Dockerfile.IndexOf("\nFROM ", StringComparison.Ordinal)]);
        Assert.Matches(@"(?ms)^ARG VERSION$.*^ARG REVISION$.*^RUN sh eng/publish\.sh /app --version ""\$VERSION"" --revision ""\$REVISION"" --no-restore$", build);
        Assert.Matches(@"(?m)^ARG VERSION$", runtime);
        Assert.Matches(@"(?m)^ARG REVISION$", runtime);
        Assert.Contains("org.opencontainers.image.version=\"${VERSION}\"", runtime, StringComparison.Ordinal);
        Assert.Contains("org.opencontainers.image.revision=\"${REVISION}\"", runtime, StringComparison.Ordinal);
        Assert.Contains("org.opencontainers.image.source=\"https://github.com/", runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerIgnore_KeepsEveryFileTheDockerfileCopies()
    {
        var sources = CopyLine().Matches(Dockerfile).SelectMany(m => m.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains("src/", sources);
        Assert.Contains("eng/", sources);

        foreach (var source in sources)
        {
            var tracked = ChildProcess.Run("git", ["ls-files", "-z", "--", source], TimeSpan.FromSeconds(30), Repository.Root);
            Assert.True(tracked.ExitCode == 0, $"git ls-files failed: {tracked}");
            var files = tracked.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(files.Length > 0, $"The Dockerfile copies {source}, which git does not track.");
            Assert.All(files, file => Assert.False(Ignore.Excludes(file), $".dockerignore leaves out {file}, which the Dockerfile copies ({source})."));
        }
    }

    [Theory]
    [InlineData("src/Watcher/bin/Release/net10.0/watcher.dll")]
    [InlineData("src/Watcher/obj/project.assets.json")]
    [InlineData("src/Watcher.WorkMail/obj/Release/net10.0/Watcher.WorkMail.dll")]
    [InlineData("bin/stray.dll")]
    [InlineData(".git/HEAD")]
    [InlineData(".tools/bin/helm")]
    [InlineData("artifacts/test-results/Watcher.Tests.trx")]
    [InlineData("bench/results/summary.md")]
    [InlineData("node_modules/kubernetes-models/index.js")]
    [InlineData("tests/Watcher.Tests/ProgramTests.cs")]
    [InlineData("charts/watcher/values.yaml")]
    public void DockerIgnore_LeavesOutBuildOutputAndWhatTheImageDoesNotNeed(string path) =>
        Assert.True(Ignore.Excludes(path), $".dockerignore lets {path} into the build context.");

    [Theory]
    [InlineData("*\n!src/\n**/bin/", "src/a/bin/x.dll", true)]
    [InlineData("*\n!src/\n**/bin/", "src/a/b.cs", false)]
    [InlineData("*\n!src/\n**/bin/", "other/b.cs", true)]
    [InlineData("**/bin/\n!src/keep/bin", "src/keep/bin/x", false)]
    [InlineData("# a comment\ndocs/*.md", "docs/a.md", true)]
    [InlineData("docs/*.md", "docs/sub/a.md", false)]
    [InlineData("docs/?.md", "docs/ab.md", false)]
    public void DockerIgnore_ReadsPatternsAsBuildKitDoes(string rules, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(rules).Excludes(path));

    /// <summary>The lines of one stage, from its FROM to the next.</summary>
    private static string Stage(string name)
    {
        var start = Dockerfile.IndexOf($" AS {name}\n", StringComparison.Ordinal);
        Assert.True(start > 0, $"The Dockerfile has no stage named {name}.");
        var end = Dockerfile.IndexOf("\nFROM ", start, StringComparison.Ordinal);
        return end < 0 ? Dockerfile[start..] : Dockerfile[start..end];
    }

    /// <summary>A COPY from the build context (not --from another stage): its sources, then its destination.</summary>
    [GeneratedRegex(@"(?m)^COPY (?!--from)(?<sources>(?:\S+ )+)\S+$")]
    private static partial Regex CopyLine();
}
