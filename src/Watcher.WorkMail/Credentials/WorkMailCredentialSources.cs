using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Watcher.WorkMail.Adapter;

namespace Watcher.WorkMail.Credentials;

/// <summary>Names the credential source the SDK's default chain picks, the way the client would pick it.</summary>
public static class WorkMailCredentialSources
{
    public const string Environment = "environment";
    public const string Profile = "profile";
    public const string WebIdentity = "web identity";
    public const string Container = "container";
    public const string PodIdentity = "pod identity";
    public const string Instance = "instance";
    public const string Static = "static";
    public const string None = "none";

    /// <summary>Resolves the chain without fetching credentials: no STS, container or IMDS call is made for a
    /// source that is found earlier in the chain.</summary>
    public static WorkMailCredentialSource Describe(WorkMailClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Credentials is not null)
        {
            return new(Static, "keys given to Watcher in code (the simulator and tests)");
        }

        SecurityTokenServiceRegistration.EnsureRegistered();
        using var resolver = new DefaultAWSCredentialsIdentityResolver();
        AWSCredentials credentials;
        try
        {
            credentials = resolver.ResolveIdentity(AmazonWorkMailClientFactory.CreateConfig(settings));
        }
        catch (AmazonClientException)
        {
            // The SDK's message lists one failure per source, configured or not ("The webIdentityTokenFile must be an
            // absolute path" when IRSA was never set up); name only the sources that are configured.
            var tried = TriedCredentialSources.List();
            return tried.Count == 0
                ? new(None, "no credential source is configured")
                : new(None, "the SDK's default chain found no credentials in the sources configured") { Tried = tried };
        }

        return Of(credentials);
    }

    /// <summary>The kind of source that credentials the default chain found come from.</summary>
    internal static string KindOf(AWSCredentials credentials) => Of(credentials).Kind;

    /// <summary>
    /// The container endpoint the SDK reads, from the variables it reads. EKS Pod Identity is the full URI together with
    /// a token file (the agent at 169.254.170.23 or [fd00:ec2::23], port 80); ECS gives a relative URI, which wins.
    /// The token itself is never read here.
    /// </summary>
    /// <returns>The kind, the endpoint for people, and the token file when there is one.</returns>
    internal static (string Kind, string Endpoint, string? TokenFile) ContainerEndpoint()
    {
        var relative = System.Environment.GetEnvironmentVariable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        var full = System.Environment.GetEnvironmentVariable("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        var tokenFile = System.Environment.GetEnvironmentVariable("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        return (relative, full, tokenFile) switch
        {
            ({ Length: > 0 }, _, _) => (Container, $"the ECS container credentials endpoint http://169.254.170.2{relative}", null),
            (_, { Length: > 0 }, { Length: > 0 }) => (PodIdentity, $"the EKS Pod Identity agent at {full}", tokenFile),
            _ => (Container, $"the container credentials endpoint {full}", null),
        };
    }

    private static WorkMailCredentialSource ContainerSource() => ContainerEndpoint() switch
    {
        (var kind, var endpoint, { } tokenFile) => new(kind, $"{endpoint}, with the service account token in {tokenFile}"),
        (var kind, var endpoint, null) => new(kind, endpoint),
    };

    private static WorkMailCredentialSource Of(AWSCredentials credentials) => credentials switch
    {
        EnvironmentVariablesAWSCredentials => new(Environment, "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
        AssumeRoleWithWebIdentityCredentials web => new(WebIdentity, $"web identity token {web.WebIdentityTokenFile} for role {web.RoleArn} (IRSA)"),
        GenericContainerCredentials => ContainerSource(),
        InstanceProfileAWSCredentials => new(Instance, "the EC2 instance profile, through the instance metadata service"),
        _ => new(Profile, $"shared config profile '{DefaultAWSCredentialsIdentityResolver.GetProfileName()}' ({credentials.GetType().Name})"),
    };
}
