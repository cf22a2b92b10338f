using Watcher.Cli;
using Watcher.Testing;

namespace Watcher.Deploy.Tests.Docs;

/// <summary>The command line in docs/configuration.md: what --help prints, and which arguments are configuration.</summary>
public sealed class CommandLineDocTests
{
    private const string HelpPrompt = "$ watcher --help\n";

    private static readonly string Page = File.ReadAllText(Repository.File("docs", "configuration.md"));

    [Fact]
    public void CommandLineSection_ShowsExactlyWhatHelpPrints()
    {
        var start = Page.IndexOf(HelpPrompt, StringComparison.Ordinal);
        Assert.True(start > 0, $"docs/configuration.md shows no '{HelpPrompt.TrimEnd()}'.");
        start += HelpPrompt.Length;
        var shown = Page[start..Page.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.Equal(Usage.ServiceHelp + "\n", shown);
    }

    [Fact]
    public void CommandLineSection_NamesEveryHostKeyTakenAsConfiguration() =>
        Assert.All(ConfigurationOverride.HostKeys, key => Assert.Contains($"`{key}`", Page, StringComparison.Ordinal));
}
