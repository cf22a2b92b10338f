using Amazon;
using Amazon.Runtime.Endpoints;
using Watcher.WorkMail.Client;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Tests.Endpoints;

public sealed class AmazonWorkMailConfigTests
{
    [Fact]
    public void Constructor_Defaults_CarryWorkMailIdentity()
    {
        var config = new AmazonWorkMailConfig();

        Assert.Equal("WorkMail", config.ServiceId);
        Assert.Equal("workmail", config.AuthenticationServiceName);
        Assert.Equal("workmail", config.RegionEndpointServiceName);
        Assert.Equal("2017-10-01", config.ServiceVersion);
        Assert.Contains("WorkMail", config.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public void DetermineServiceOperationEndpoint_RegionOnly_UsesRules()
    {
        var config = new AmazonWorkMailConfig { RegionEndpoint = RegionEndpoint.EUWest1 };

        var endpoint = config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new DescribeMailboxExportJobRequest()));

        Assert.Equal("https://workmail.eu-west-1.amazonaws.com/", endpoint.URL);
    }

    [Fact]
    public void DetermineServiceOperationEndpoint_FipsAndDualStack_UsesFipsDualStackHost()
    {
        var config = new AmazonWorkMailConfig { RegionEndpoint = RegionEndpoint.USEast1, UseFIPSEndpoint = true, UseDualstackEndpoint = true };

        var endpoint = config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new ListMailboxExportJobsRequest()));

        Assert.Equal("https://workmail-fips.us-east-1.api.aws/", endpoint.URL);
    }
}
