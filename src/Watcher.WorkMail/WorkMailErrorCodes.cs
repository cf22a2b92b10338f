namespace Watcher.WorkMail;

/// <summary>Error codes for failures that did not come from AWS as an error code of its own.</summary>
public static class WorkMailErrorCodes
{
    /// <summary>The request timeout elapsed.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The connection was refused, reset or otherwise broken.</summary>
    public const string Network = "Network";

    /// <summary>The service answered, but the body could not be read as the model describes it.</summary>
    public const string MalformedResponse = "MalformedResponse";

    /// <summary>No credentials could be resolved from the default chain.</summary>
    public const string NoCredentials = "NoCredentials";

    /// <summary>Anything else.</summary>
    public const string Unknown = "Unknown";
}
