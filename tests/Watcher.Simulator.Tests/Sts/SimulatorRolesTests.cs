namespace Watcher.Simulator.Tests.Sts;

public class SimulatorRolesTests
{
    [Theory]
    [InlineData("arn:aws:iam::123:role/Short")]
    [InlineData("arn:aws:iam::123456789012:user/Bob")]
    [InlineData("WatcherReader")]
    public void Add_NotARoleArn_ThrowsArgumentException(string roleArn)
    {
        var roles = new SimulatorRoles();

        var exception = Assert.Throws<ArgumentException>(() => roles.Add(new SimulatorRole(roleArn)));

        Assert.Contains(roleArn, exception.Message, StringComparison.Ordinal);
        Assert.Empty(roles.All);
    }

    [Fact]
    public void Add_SameArnTwice_ReplacesRole()
    {
        var roles = new SimulatorRoles();
        const string Arn = "arn:aws:iam::123456789012:role/path/Reader";

        roles.Add(new SimulatorRole(Arn));
        roles.Add(new SimulatorRole(Arn, "external-1"));

        Assert.Equal("external-1", Assert.Single(roles.All).RequiredExternalId);
        Assert.True(roles.Remove(Arn));
        Assert.Empty(roles.All);
    }

    [Fact]
    public void ToString_RoleWithExternalId_DoesNotShowIt()
    {
        var role = new SimulatorRole("arn:aws:iam::123456789012:role/Reader", "shared-secret-id");

        Assert.DoesNotContain("shared-secret-id", role.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InvalidRoleInOptions_ThrowsArgumentException()
    {
        var options = new SimulatorOptions { Roles = [new SimulatorRole("not-an-arn")] };

        await Assert.ThrowsAsync<ArgumentException>(() => WorkMailSimulator.StartAsync(options));
    }
}
