namespace Watcher.WorkMail.Tests;

public sealed class WorkMailErrorCodesTests
{
    [Theory]
    [InlineData("ThrottlingException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("LimitExceededException")]
    [InlineData("RequestLimitExceeded")]
    public void IsThrottling_ThrottlingCode_True(string code) => Assert.True(WorkMailErrorCodes.IsThrottling(code));

    [Theory]
    [InlineData("EntityNotFoundException")]
    [InlineData("OrganizationNotFoundException")]
    [InlineData("OrganizationStateException")]
    public void IsMissing_NotFoundOrUnusableOrganization_True(string code) => Assert.True(WorkMailErrorCodes.IsMissing(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("throttlingexception")]
    [InlineData("InternalServerError")]
    [InlineData("Unknown")]
    public void Classifications_OtherCodes_False(string? code)
    {
        Assert.False(WorkMailErrorCodes.IsThrottling(code));
        Assert.False(WorkMailErrorCodes.IsMissing(code));
        Assert.False(WorkMailErrorCodes.IsCredentials(code));
        Assert.False(WorkMailErrorCodes.IsTransport(code));
    }

    [Fact]
    public void Classifications_EachCode_InOneKindOnly()
    {
        IReadOnlySet<string>[] kinds = [WorkMailErrorCodes.Throttling, WorkMailErrorCodes.Missing, WorkMailErrorCodes.Credentials, WorkMailErrorCodes.Transport];

        var codes = kinds.SelectMany(k => k).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }
}
