using Watcher.WorkMail.Model;

namespace Watcher.WorkMail.Tests.Model;

public sealed class ExportJobStatesTests
{
    [Fact]
    public void All_IndexedByState_NameOfThatState()
    {
        var states = Enum.GetValues<ExportJobState>();

        Assert.Equal(states.Length, ExportJobStates.All.Count);
        Assert.All(states, state => Assert.Equal(ExportJobStates.Name(state), ExportJobStates.All[(int)state]));
        Assert.Equal(["RUNNING", "COMPLETED", "FAILED", "CANCELLED"], ExportJobStates.All);
    }

    [Theory]
    [InlineData(ExportJobState.Running)]
    [InlineData(ExportJobState.Completed)]
    [InlineData(ExportJobState.Failed)]
    [InlineData(ExportJobState.Cancelled)]
    public void TryParse_NameOfState_ThatState(ExportJobState state)
    {
        Assert.True(ExportJobStates.TryParse(ExportJobStates.Name(state), out var parsed));
        Assert.Equal(state, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("running")]
    [InlineData("PENDING")]
    public void TryParse_NotAWireName_False(string? name) => Assert.False(ExportJobStates.TryParse(name, out _));
}
