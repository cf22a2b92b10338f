namespace Watcher.WorkMail.Tests.Support;

/// <summary>A process environment in which the SDK's default chain finds no credentials, until a test adds some.</summary>
public static class CredentialEnvironment
{
    public static EnvironmentVariableScope WithoutAny()
    {
        var name = "watcher-workmail-tests-" + Guid.NewGuid().ToString("N");
        var missing = Path.Combine(Path.GetTempPath(), name);

        // The SDK keeps the chain's answer (web identity credentials, say) for the whole process until the key or
        // profile variables change; a profile name of its own, which no file defines, makes it search again.
        return new EnvironmentVariableScope()
            .Set("AWS_ACCESS_KEY_ID", null)
            .Set("AWS_SECRET_ACCESS_KEY", null)
            .Set("AWS_SESSION_TOKEN", null)
            .Set("AWS_PROFILE", name)
            .Set("AWS_DEFAULT_PROFILE", null)
            .Set("AWS_WEB_IDENTITY_TOKEN_FILE", null)
            .Set("AWS_ROLE_ARN", null)
            .Set("AWS_ENDPOINT_URL_STS", null)
            .Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", null)
            .Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", null)
            .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", null)
            .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", null)
            .Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(missing, "credentials"))
            .Set("AWS_CONFIG_FILE", Path.Combine(missing, "config"))
            .Set("AWS_EC2_METADATA_DISABLED", "true");
    }
}
