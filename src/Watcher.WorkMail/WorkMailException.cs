namespace Watcher.WorkMail;

/// <summary>
/// A WorkMail call that failed in the end, after whatever the SDK retried. <see cref="ErrorCode"/> is the
/// AWS error code (e.g. <c>ThrottlingException</c>, <c>EntityNotFoundException</c>) or one of
/// <see cref="WorkMailErrorCodes"/> for failures that never got an AWS answer.
/// </summary>
public sealed class WorkMailException : Exception
{
    public WorkMailException()
        : this(WorkMailErrorCodes.Unknown, "The WorkMail call failed.")
    {
    }

    public WorkMailException(string message)
        : this(WorkMailErrorCodes.Unknown, message)
    {
    }

    public WorkMailException(string message, Exception innerException)
        : this(WorkMailErrorCodes.Unknown, message, statusCode: null, innerException)
    {
    }

    public WorkMailException(string errorCode, string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>The AWS error code, or one of <see cref="WorkMailErrorCodes"/>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the final attempt, when there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>True when the call never reached WorkMail because getting its credentials failed: STS refused or
    /// could not be reached (an organization's role, or IRSA's web identity), or the EKS Pod Identity agent or a
    /// container endpoint could not hand out keys.</summary>
    public bool CredentialsFailed { get; init; }

    /// <summary>When <see cref="CredentialsFailed"/>, which source failed: one of the kinds of
    /// <see cref="Credentials.WorkMailCredentialSources"/> (web identity, pod identity, container), or null when it was
    /// STS refusing or missing an organization's role.</summary>
    public string? FailedCredentialSource { get; init; }
}
