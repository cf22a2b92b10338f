using Watcher.Check;
using Watcher.Cli;

namespace Watcher.Tests.Cli;

public sealed class CommandLineParserTests
{
    /// <summary>Every form the host's command-line configuration provider reads, passed on unchanged and in order.</summary>
    public static TheoryData<string[]> Overrides => new()
    {
        { ["--Watcher:PollInterval=00:05:00"] },
        { ["--Watcher:Aws:Region", "eu-west-1"] },
        { ["--urls", "http://127.0.0.1:0"] },
        { ["--URLS=http://127.0.0.1:0"] },
        { ["/Watcher:PollInterval=00:05:00", "/environment", "Staging"] },
        { ["Watcher:PollInterval=00:05:00"] },
        { ["--Logging:LogLevel:Default=Debug", "--contentRoot", "/app", "--Watcher:Jobs:0:JobId="] },
        // The provider takes the next argument as the value, whatever it looks like.
        { ["--urls", "check"] },
        { ["--Watcher:Aws:Region", "--help"] },
    };

    public static TheoryData<string[], string> Invalid => new()
    {
        { ["--bogus"], "unknown option '--bogus'" },
        { ["--PollInterval=00:05:00"], "unknown option '--PollInterval=00:05:00' (a configuration override names the whole key path" },
        { ["-x=1"], "unknown option '-x=1'" },
        { ["-x", "1"], "unknown option '-x'" },
        { ["--Simulate"], "unknown option '--Simulate'" },
        { ["--:x=1"], "unknown option '--:x=1'" },
        { ["frobnicate"], "unknown command 'frobnicate'" },
        { ["--simulate", "stray"], "unexpected argument 'stray'" },
        { ["--urls"], "'--urls' needs a value" },
        { ["check", "--simulate", "--Simulate"], "unknown option '--Simulate'" },
        { ["check", "check"], "unexpected argument 'check'" },
    };

    public static TheoryData<string[]> VersionRequests => new()
    {
        { ["--version"] },
        { ["check", "--version"] },
        { ["--urls", "http://127.0.0.1:0", "--version"] },
    };

    [Theory]
    [MemberData(nameof(Overrides))]
    public void Parse_ConfigurationOverrides_RunsAndPassesThemOnUnchanged(string[] args)
    {
        var parsed = CommandLineParser.Parse(args);

        Assert.Equal(CommandLineRequest.Run, parsed.Request);
        Assert.Null(parsed.Error);
        Assert.Null(parsed.Verb);
        Assert.Equal(args, parsed.ConfigurationArguments);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_UnknownVerbOptionOrArgument_IsInvalidNamingIt(string[] args, string expected)
    {
        var parsed = CommandLineParser.Parse(args);

        Assert.Equal(CommandLineRequest.Invalid, parsed.Request);
        Assert.StartsWith(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoArguments_RunsTheServiceWithNoOverrides()
    {
        var parsed = CommandLineParser.Parse([]);

        Assert.Equal(CommandLineRequest.Run, parsed.Request);
        Assert.Null(parsed.Verb);
        Assert.False(parsed.Simulate);
        Assert.Empty(parsed.ConfigurationArguments);
    }

    [Fact]
    public void Parse_SimulateAmongOverrides_SetsTheFlagAndKeepsItOutOfTheConfiguration()
    {
        var parsed = CommandLineParser.Parse(["--urls", "http://127.0.0.1:0", "--simulate", "--Watcher:PollInterval=00:00:30"]);

        Assert.True(parsed.Simulate);
        Assert.Equal(["--urls", "http://127.0.0.1:0", "--Watcher:PollInterval=00:00:30"], parsed.ConfigurationArguments);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("CHECK")]
    public void Parse_CheckVerb_RunsTheCheckWithTheRestAsConfiguration(string verb)
    {
        var parsed = CommandLineParser.Parse([verb, "--Watcher:Aws:Region", "eu-west-1"]);

        Assert.Equal(CheckCommand.Verb, parsed.Verb);
        Assert.Equal(CommandLineRequest.Run, parsed.Request);
        Assert.False(parsed.Simulate);
        Assert.Equal(["--Watcher:Aws:Region", "eu-west-1"], parsed.ConfigurationArguments);
    }

    [Fact]
    public void Parse_CheckWithSimulate_RunsTheCheckAgainstTheSimulatorWithTheRestAsConfiguration()
    {
        var parsed = CommandLineParser.Parse(["check", "--simulate", "--Watcher:MaxConcurrentCalls=2"]);

        Assert.Equal(CheckCommand.Verb, parsed.Verb);
        Assert.Equal(CommandLineRequest.Run, parsed.Request);
        Assert.True(parsed.Simulate);
        Assert.Equal(["--Watcher:MaxConcurrentCalls=2"], parsed.ConfigurationArguments);
    }

    [Theory]
    [InlineData(new[] { "--help" }, null)]
    [InlineData(new[] { "-h" }, null)]
    [InlineData(new[] { "-?" }, null)]
    [InlineData(new[] { "check", "--help" }, "check")]
    // Help wins over a mistake elsewhere on the line: whoever asked for it is finding out what to type.
    [InlineData(new[] { "--bogus", "--help" }, null)]
    [InlineData(new[] { "--version", "--help" }, null)]
    public void Parse_HelpFlag_AsksForTheVerbsHelp(string[] args, string? verb)
    {
        var parsed = CommandLineParser.Parse(args);

        Assert.Equal(CommandLineRequest.Help, parsed.Request);
        Assert.Equal(verb, parsed.Verb);
    }

    [Theory]
    [MemberData(nameof(VersionRequests))]
    public void Parse_VersionFlag_AsksForTheVersion(string[] args) =>
        Assert.Equal(CommandLineRequest.Version, CommandLineParser.Parse(args).Request);
}
