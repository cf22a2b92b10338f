namespace Watcher.Simulator.Tests;

public class ProgramArgumentsTests
{
    [Fact]
    public void Parse_NoArguments_Defaults()
    {
        var arguments = ProgramArguments.Parse([]);

        Assert.Equal((ProgramArguments.DefaultListenUrl, "us-east-1", (string?)null, false), (arguments.ListenUrl, arguments.Region, arguments.ScenarioPath, arguments.ShowHelp));
    }

    [Theory]
    [InlineData("--urls http://127.0.0.1:9000 --region eu-west-1 --scenario s.json")]
    [InlineData("--listen=http://127.0.0.1:9000 --region=eu-west-1 --scenario=s.json")]
    public void Parse_AllOptions_Read(string commandLine)
    {
        var arguments = ProgramArguments.Parse(commandLine.Split(' '));

        Assert.Equal(("http://127.0.0.1:9000", "eu-west-1", "s.json"), (arguments.ListenUrl, arguments.Region, arguments.ScenarioPath));
    }

    [Theory]
    [InlineData("--bogus", "--bogus")]
    [InlineData("--region", "--region needs a value")]
    [InlineData("--urls --region x", "--urls needs a value")]
    public void Parse_BadArguments_ArgumentExceptionNamingOption(string commandLine, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ProgramArguments.Parse(commandLine.Split(' ')));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PodIdentity_StartsTheAgentToo()
    {
        Assert.True(ProgramArguments.Parse(["--region", "eu-west-1", "--pod-identity"]).PodIdentity);
        Assert.False(ProgramArguments.Parse([]).PodIdentity);
    }

    [Fact]
    public void Parse_PodIdentityWithValue_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => ProgramArguments.Parse(["--pod-identity=yes"]));

        Assert.Contains("--pod-identity=yes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Help_ShowHelp()
    {
        Assert.True(ProgramArguments.Parse(["--help"]).ShowHelp);
    }
}
