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
        catch (AmazonClientException ex)
        {
            return new(None, $"the SDK's default chain found nothing ({ex.Message.ReplaceLineEndings(" ")})");
        }

        return Of(credentials);
    }

    /// <summary>The kind of source that credentials the default chain found come from.</summary>
    internal static string KindOf(AWSCredentials credentials) => Of(credentials).Kind;

    private static WorkMailCredentialSource Of(AWSCredentials credentials) => credentials switch
    {
        EnvironmentVariablesAWSCredentials => new(Environment, "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
        AssumeRoleWithWebIdentityCredentials web => new(WebIdentity, $"web identity token {web.WebIdentityTokenFile} for role {web.RoleArn} (IRSA)"),
        GenericContainerCredentials => new(Container, "the container credentials endpoint (ECS task role or EKS Pod Identity)"),
        InstanceProfileAWSCredentials => new(Instance, "the EC2 instance profile, through the instance metadata service"),
        _ => new(Profile, $"shared config profile '{DefaultAWSCredentialsIdentityResolver.GetProfileName()}' ({credentials.GetType().Name})"),
    };
}
