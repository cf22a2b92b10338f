namespace Watcher.Tests;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 export jobs")]
    [InlineData(1, "1 export job")]
    [InlineData(2, "2 export jobs")]
    [InlineData(10_000, "10000 export jobs")]
    public void Of_Count_PutsTheNounInTheRightNumber(long count, string expected) =>
        Assert.Equal(expected, Plural.Of(count, "export job"));

    [Theory]
    [InlineData(1, "throttled retry")]
    [InlineData(3, "throttled retries")]
    public void Noun_WithAnIrregularPlural_UsesIt(long count, string expected) =>
        Assert.Equal(expected, Plural.Noun(count, "throttled retry", "throttled retries"));

    [Fact]
    public void Noun_WithoutASingular_Throws() =>
        Assert.Throws<ArgumentException>(() => Plural.Noun(2, " "));
}
