using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Watcher.WorkMail.Client;

namespace Watcher.WorkMail.Roles;

/// <summary>
/// Refreshing credentials from STS AssumeRole, like the SDK's AssumeRoleAWSCredentials but over an STS client this
/// library configures (region, endpoint). The base class caches them and renews them <see cref="RefreshMargin"/>
/// before they expire, one refresh at a time.
/// </summary>
internal sealed class AssumeRoleCredentials : RefreshingAWSCredentials
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly IAmazonSecurityTokenService _sts;
    private readonly WorkMailAssumeRole _role;

    public AssumeRoleCredentials(IAmazonSecurityTokenService sts, WorkMailAssumeRole role)
    {
        _sts = sts;
        _role = role;
        PreemptExpiryTime = RefreshMargin;
    }

    public string RoleArn => _role.RoleArn;

    protected override CredentialsRefreshState GenerateNewCredentials() =>

        // The pipeline resolves credentials asynchronously; this synchronous path exists only for the base class.
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = _role.RoleArn,
            RoleSessionName = _role.SessionName,
            ExternalId = _role.ExternalId,
        };

        AssumeRoleResponse response;
        try
        {
            response = await _sts.AssumeRoleAsync(request).ConfigureAwait(false);
        }
        catch (AmazonServiceException e) when (!string.IsNullOrEmpty(e.ErrorCode))
        {
            throw new AssumeRoleException(_role.RoleArn, e.ErrorCode, e.StatusCode == 0 ? null : (int)e.StatusCode, e);
        }
        catch (Exception e) when (e is not AssumeRoleException)
        {
            throw new AssumeRoleException(_role.RoleArn, WorkMailErrorClassifier.ErrorCodeOf(e), null, e);
        }

        var credentials = response.Credentials;
        if (credentials?.Expiration is not { } expiration || string.IsNullOrEmpty(credentials.AccessKeyId))
        {
            throw new AssumeRoleException(_role.RoleArn, WorkMailErrorCodes.MalformedResponse, 200, null);
        }

        return new CredentialsRefreshState(
            new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
            expiration.ToUniversalTime());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sts.Dispose();
        }

        base.Dispose(disposing);
    }
}
