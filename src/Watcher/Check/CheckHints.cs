using Watcher.Health;
using Watcher.WorkMail;
using Watcher.WorkMail.Credentials;

namespace Watcher.Check;

/// <summary>
/// What to do about a failed call, in the terms of the configuration key or IAM action to change. <c>watcher check</c>
/// prints these under each problem; the status page and the log show the same text for a credentials failure.
/// </summary>
internal static class CheckHints
{
    /// <summary>The hint for <paramref name="exception"/>: a region mismatch, a credential source that handed out
    /// nothing, or what its error code means.</summary>
    /// <param name="credentialSource">The kind of source the default chain picked; asked only when STS failed for it.</param>
    public static string For(WorkMailException exception, WorkMailCall call, Func<string> credentialSource)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(credentialSource);
        if (RegionMismatch.Of(exception, call) is { } mismatch)
        {
            return ForRegionMismatch(mismatch, call);
        }

        return ForCredentialFetch(exception, credentialSource)
            ?? For(exception.ErrorCode, call.Action, call.OrganizationId, call.Region, call.RoleArn, call.Endpoint.Url);
    }

    public static string ForRegionMismatch(RegionMismatch mismatch, WorkMailCall call)
    {
        ArgumentNullException.ThrowIfNull(mismatch);
        ArgumentNullException.ThrowIfNull(call);
        var expects = mismatch.ExpectedRegion is { } expected
            ? $"but {call.Endpoint.Url} expects {expected} (from {mismatch.ExpectedFrom})"
            : $"but {call.Endpoint.Url} expects another region";
        return $"Region mismatch, not a key or clock problem: the call was signed for {mismatch.SignedRegion} ({call.RegionSetting}), {expects}. "
            + "WorkMail organizations are regional: give the organization the Region it lives in, and let its calls go to that region's endpoint; "
            + "Watcher:Aws:ServiceUrl and AWS_ENDPOINT_URL_WORKMAIL send every organization's calls to one endpoint, whatever its Region.";
    }

    /// <summary>What to check when getting the call's credentials failed before it reached WorkMail: STS (an organization's
    /// role, IRSA's web identity), the EKS Pod Identity agent or a container endpoint; null for any other failure.</summary>
    public static string? ForCredentialFetch(WorkMailException exception, Func<string> credentialSource)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(credentialSource);
        return exception switch
        {
            { CredentialsFailed: false } or { ErrorCode: WorkMailErrorCodes.AccessDenied } => null,
            { FailedCredentialSource: WorkMailCredentialSources.PodIdentity or WorkMailCredentialSources.Container } =>
                ForContainerEndpoint(exception.FailedCredentialSource),
            _ => $"Getting credentials from STS failed (credential source: {exception.FailedCredentialSource ?? credentialSource()}). "
                + "Check that STS is reachable (sts.<region>.amazonaws.com, or AWS_ENDPOINT_URL_STS / Watcher:Aws:StsServiceUrl), "
                + "and that the role's trust policy allows this identity: for IRSA, the cluster's OIDC provider and the service account.",
        };
    }

    /// <param name="action">The IAM action the failed call needs, e.g. <c>workmail:DescribeMailboxExportJob</c>.</param>
    /// <param name="roleArn">The role the call was made with, when the organization names one.</param>
    private static string For(string errorCode, string action, string organizationId, string region, string? roleArn, string endpoint) => errorCode switch
    {
        WorkMailErrorCodes.AccessDeniedException =>
            $"IAM denied {action}. Allow it on arn:aws:workmail:{region}:<account>:organization/{organizationId} in the policy of "
            + (roleArn is null ? "the identity Watcher runs as (see the README's IAM policy)." : $"{roleArn}."),
        WorkMailErrorCodes.AccessDenied when roleArn is not null =>
            $"STS denied sts:AssumeRole on {roleArn}: its trust policy must allow the identity Watcher runs as (and the ExternalId, if it asks for one).",
        WorkMailErrorCodes.AccessDenied =>
            $"Access denied. Allow {action} on arn:aws:workmail:{region}:<account>:organization/{organizationId}.",
        WorkMailErrorCodes.UnrecognizedClientException or WorkMailErrorCodes.InvalidClientTokenId =>
            "AWS does not know the access key: the credential source above hands out keys that are wrong, deleted or for another partition.",
        WorkMailErrorCodes.InvalidSignatureException or WorkMailErrorCodes.SignatureDoesNotMatch =>
            "The request signature was rejected: the secret key does not belong to the access key, or this machine's clock is off by more than 5 minutes.",
        WorkMailErrorCodes.ExpiredTokenException or WorkMailErrorCodes.ExpiredToken =>
            "The session token has expired: refresh the credentials (aws sso login, a new token file), then run the check again.",
        WorkMailErrorCodes.OrganizationNotFoundException =>
            $"No organization {organizationId} in {region}. Organizations are regional: check Watcher:Aws:Region, or the organization's Region.",
        WorkMailErrorCodes.OrganizationStateException =>
            $"Organization {organizationId} is not Active (it may be deleting or suspended), so it has no export jobs to show.",
        WorkMailErrorCodes.EntityNotFoundException =>
            "No such export job in this organization: check the JobId (ListMailboxExportJobs shows the jobs of the last 7 days).",
        WorkMailErrorCodes.InvalidParameterException =>
            "WorkMail rejected a parameter: check the OrganizationId and JobId against their patterns.",
        _ when WorkMailErrorCodes.IsThrottling(errorCode) =>
            "WorkMail is throttling this account: try again later, or lower Watcher:Aws:MaxRequestsPerSecond.",
        WorkMailErrorCodes.Network =>
            $"Could not reach {endpoint}: check Watcher:Aws:ServiceUrl or Region, DNS, proxies and the pod's NetworkPolicy egress.",
        WorkMailErrorCodes.Timeout =>
            $"{endpoint} did not answer within Watcher:Aws:RequestTimeout: check the network path, or raise the timeout.",
        WorkMailErrorCodes.NoCredentials =>
            "No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or IRSA (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, set by EKS for an annotated service account), "
            + "or use EKS Pod Identity (AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, set by EKS for a service account with a pod identity association).",
        WorkMailErrorCodes.MalformedResponse =>
            $"{endpoint} answered with something that is not a WorkMail response: is Watcher:Aws:ServiceUrl a WorkMail endpoint?",
        _ when errorCode.StartsWith("Internal", StringComparison.Ordinal) || errorCode.StartsWith("ServiceUnavailable", StringComparison.Ordinal) =>
            "WorkMail had a server error: transient; run the check again.",
        _ => "See the error message; docs/failure-modes.md lists what Watcher does about each error.",
    };

    /// <summary>What to check when the EKS Pod Identity agent, or an ECS container endpoint, handed out no keys.</summary>
    /// <param name="kind">The failed source's kind: pod identity or container.</param>
    public static string ForContainerEndpoint(string? kind) => kind == WorkMailCredentialSources.PodIdentity
        ? "The EKS Pod Identity agent handed out no credentials. Check that the eks-pod-identity-agent add-on runs on this node, "
            + "that a pod identity association names this namespace and service account (aws eks list-pod-identity-associations), "
            + "that the pod's user can read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, and, with the chart's NetworkPolicy, "
            + "that networkPolicy.egress.podIdentityAgent is true (port 80 to 169.254.170.23 and fd00:ec2::23)."
        : "The container credentials endpoint handed out no credentials: check the ECS task role and that the endpoint is reachable.";
}
