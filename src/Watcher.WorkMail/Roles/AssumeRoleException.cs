namespace Watcher.WorkMail.Roles;

/// <summary>
/// STS AssumeRole failed while credentials were being resolved for a WorkMail call. The message names the role and
/// the code only: neither the external id nor the STS answer's text reaches it.
/// </summary>
internal sealed class AssumeRoleException : Exception
{
    public AssumeRoleException()
        : this("unknown", WorkMailErrorCodes.Unknown, null, null)
    {
    }

    public AssumeRoleException(string message)
        : base(message)
    {
        RoleArn = "unknown";
        ErrorCode = WorkMailErrorCodes.Unknown;
    }

    public AssumeRoleException(string message, Exception innerException)
        : base(message, innerException)
    {
        RoleArn = "unknown";
        ErrorCode = WorkMailErrorCodes.Unknown;
    }

    public AssumeRoleException(string roleArn, string errorCode, int? statusCode, Exception? innerException)
        : base($"Assuming role {roleArn} through STS failed with {errorCode}{(statusCode is { } s ? $" (HTTP {s})" : "")}.", innerException)
    {
        RoleArn = roleArn;
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    public string RoleArn { get; }

    /// <summary>The STS error code (e.g. <c>AccessDenied</c>), or one of <see cref="WorkMailErrorCodes"/>.</summary>
    public string ErrorCode { get; }

    public int? StatusCode { get; }
}
