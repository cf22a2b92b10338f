using Amazon.Runtime.CredentialManagement;

namespace Watcher.WorkMail.Credentials;

/// <summary>
/// When the SDK's default chain found nothing: the sources it looked at whose configuration is present, in the
/// chain's order, each with what is wrong with it as far as the environment shows. A source with no configuration at
/// all is left out, so that nobody is sent to fix IRSA when IRSA was never set up. Never reads a key or a token.
/// </summary>
internal static class TriedCredentialSources
{
    public static IReadOnlyList<string> List()
    {
        var tried = new List<string>();
        if (EnvironmentKeys() is { } environment)
        {
            tried.Add(environment);
        }

        if (WebIdentity() is { } webIdentity)
        {
            tried.Add(webIdentity);
        }

        var (profile, stopsChain) = Profile();
        if (profile is not null)
        {
            tried.Add(profile);
        }

        // A profile named by AWS_PROFILE that does not exist ends the SDK's search there.
        if (stopsChain)
        {
            return tried;
        }

        if (Container() is { } container)
        {
            tried.Add(container);
        }

        if (!string.Equals(Variable("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase))
        {
            tried.Add("instance metadata: the EC2 instance metadata service gave no credentials (not on EC2, IMDS unreachable, or the instance has no role; AWS_EC2_METADATA_DISABLED=true skips it)");
        }

        return tried;
    }

    private static string? EnvironmentKeys()
    {
        var accessKey = Variable("AWS_ACCESS_KEY_ID");
        var secretKey = Variable("AWS_SECRET_ACCESS_KEY") ?? Variable("AWS_SECRET_KEY");
        return (accessKey, secretKey) switch
        {
            (null, null) => null,
            (_, null) => "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
            (null, _) => "environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not",
            _ => "environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set, but the SDK could not use them",
        };
    }

    private static string? WebIdentity()
    {
        var tokenFile = Variable("AWS_WEB_IDENTITY_TOKEN_FILE");
        var role = Variable("AWS_ROLE_ARN");
        return (tokenFile, role) switch
        {
            (null, null) => null,
            (null, _) => "web identity (IRSA): AWS_ROLE_ARN is set but AWS_WEB_IDENTITY_TOKEN_FILE is not",
            (_, null) => "web identity (IRSA): AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not",
            ({ } file, _) when !Path.IsPathFullyQualified(file) => $"web identity (IRSA): AWS_WEB_IDENTITY_TOKEN_FILE ({file}) is not an absolute path",
            ({ } file, _) when !File.Exists(file) => $"web identity (IRSA): the token file {file} does not exist",
            _ => $"web identity (IRSA): token file {tokenFile} and role {role}, which the SDK could not use",
        };
    }

    private static (string? Line, bool StopsChain) Profile()
    {
        var named = Variable("AWS_PROFILE");
        var name = named ?? "default";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] files =
        [
            Variable("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(home, ".aws", "credentials"),
            Variable("AWS_CONFIG_FILE") ?? Path.Combine(home, ".aws", "config"),
        ];
        var present = files.Where(File.Exists).ToList();
        if (named is null && present.Count == 0)
        {
            return (null, false);
        }

        var source = named is null ? $"profile '{name}'" : $"profile '{name}' (AWS_PROFILE)";
        if (present.Count == 0)
        {
            return ($"{source}: no shared config file ({string.Join(" or ", files)})", named is not null);
        }

        if (!new CredentialProfileStoreChain().TryGetProfile(name, out _))
        {
            return ($"{source}: not in {string.Join(" or ", present)}", named is not null);
        }

        return ($"{source} in {string.Join(" or ", present)}: gives no credentials the SDK can use (an SSO session to log in to, a credential process that failed, or a role without a source)", false);
    }

    private static string? Container()
    {
        if (Variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is null && Variable("AWS_CONTAINER_CREDENTIALS_FULL_URI") is null)
        {
            return null;
        }

        var (kind, endpoint, _) = WorkMailCredentialSources.ContainerEndpoint();
        return $"{kind}: the SDK could not use {endpoint}";
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
