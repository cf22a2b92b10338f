namespace Watcher.Simulator;

/// <summary>
/// What <see cref="SimulatorFaults.CredentialFault"/> answers every WorkMail request with once its signature verified,
/// as AWS does for keys that are revoked, expired or lack permission. STS requests are not affected.
/// </summary>
public enum CredentialFault
{
    /// <summary>Verified requests go on to the operation.</summary>
    None,

    /// <summary>403 <c>UnrecognizedClientException</c> (what <see cref="SimulatorFaults.RejectCredentials"/> switches on).</summary>
    UnrecognizedClient,

    /// <summary>403 <c>ExpiredTokenException</c>: the session token has expired.</summary>
    ExpiredToken,

    /// <summary>403 <c>AccessDeniedException</c>: the identity may not call the operation.</summary>
    AccessDenied,
}
