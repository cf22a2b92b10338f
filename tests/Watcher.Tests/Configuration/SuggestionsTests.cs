using Watcher.Configuration;

namespace Watcher.Tests.Configuration;

public sealed class SuggestionsTests
{
    private static readonly string[] Known = ["Aws", "Jobs", "Organizations", "PollInterval", "MaxBackoff", "Region"];

    [Theory]
    [InlineData("PollIntervall", "PollInterval")]
    [InlineData("pollinterval", "PollInterval")]
    [InlineData("PollIntreval", "PollInterval")]
    [InlineData("Organisations", "Organizations")]
    [InlineData("Job", "Jobs")]
    [InlineData("Regoin", "Region")]
    [InlineData("MaxBackof", "MaxBackoff")]
    [InlineData("Regio", "Region")]
    public void Closest_Typo_NamesTheSetting(string typed, string expected) => Assert.Equal(expected, Suggestions.Closest(typed, Known));

    [Theory]
    [InlineData("Foo")]
    [InlineData("Interval")]
    [InlineData("Timeout")]
    [InlineData("A")]
    public void Closest_NothingClose_IsNull(string typed) => Assert.Null(Suggestions.Closest(typed, Known));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_CountsEditsWithSwapsAsOne(string a, string b, int expected) => Assert.Equal(expected, Suggestions.Distance(a, b));
}
