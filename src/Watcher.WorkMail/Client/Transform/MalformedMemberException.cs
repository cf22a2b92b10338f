namespace Watcher.WorkMail.Client.Transform;

/// <summary>A response member that is present but cannot be read as the model describes it.</summary>
/// <remarks>
/// The SDK wraps it in an <c>AmazonUnmarshallingException</c>; the adapter digs it out to name the member.
/// The message names the member and the JSON token kind, never the value.
/// </remarks>
internal sealed class MalformedMemberException : Exception
{
    public MalformedMemberException()
        : this("(unknown)", "The member is malformed.")
    {
    }

    public MalformedMemberException(string message)
        : this("(unknown)", message)
    {
    }

    public MalformedMemberException(string message, Exception innerException)
        : this("(unknown)", message, innerException)
    {
    }

    public MalformedMemberException(string member, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Member = member;
    }

    /// <summary>The member path, e.g. <c>StartTime</c> or <c>Jobs[3].EstimatedProgress</c>.</summary>
    public string Member { get; }
}
