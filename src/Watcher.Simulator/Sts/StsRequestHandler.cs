using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Watcher.Simulator.Auth;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Sts;

/// <summary>
/// A minimal STS on the WorkMail listener: the query-protocol AssumeRole, so that <c>AWS_ENDPOINT_URL_STS</c> can
/// point at the simulator. Order of checks: SigV4 (service <c>sts</c>), action and version, parameters, role.
/// Injected faults do not apply: they are WorkMail's.
/// </summary>
internal sealed partial class StsRequestHandler(
    SimulatorRoles roles,
    IssuedCredentials issued,
    SigV4Verifier verifier,
    SimulatorRequestLog requests,
    ILogger<StsRequestHandler> logger)
{
    public const string Service = "sts";
    public const string Version = "2011-06-15";
    public const string AssumeRole = "AssumeRole";
    private const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>Query-protocol requests are form posts; everything else is awsJson for WorkMail.</summary>
    public static bool Handles(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path == "/"
        && MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && string.Equals(mediaType.MediaType, FormContentType, StringComparison.OrdinalIgnoreCase);

    public async Task HandleAsync(HttpContext context, SigV4Request signed)
    {
        var text = Encoding.UTF8.GetString(signed.Body.Span);
        var form = QueryHelpers.ParseQuery(text);
        var action = form.TryGetValue("Action", out var a) ? a.ToString() : null;
        var version = form.TryGetValue("Version", out var v) ? v.ToString() : null;

        var auth = verifier.Verify(signed, Service);
        IssuedCredential? credential = null;
        var error = auth.Error is { } signatureError ? StsErrors.FromSignatureError(signatureError) : null;
        if (error is null && (action != AssumeRole || version != Version))
        {
            error = StsErrors.InvalidAction(action, version);
        }

        if (error is null)
        {
            (credential, error) = Execute(form);
        }

        var requestId = Guid.NewGuid().ToString();
        var statusCode = error?.StatusCode ?? StatusCodes.Status200OK;
        requests.Add(new SimulatorRequest(
            action ?? "",
            null,
            context.Request.ContentType,
            text,
            null,
            statusCode,
            error?.Code,
            auth.AccessKeyId,
            auth.IsValid)
        {
            AssumedRoleArn = auth.AssumedRoleArn,
            Region = auth.Region,
        });
        Log.AssumeRoleAnswered(logger, credential?.RoleArn, statusCode, error?.Code);

        if (error is not null)
        {
            await StsXmlResponse.WriteErrorAsync(context, error, requestId);
            return;
        }

        await StsXmlResponse.WriteAssumeRoleAsync(context, credential!, requestId);
    }

    private (IssuedCredential? Credential, AwsError? Error) Execute(Dictionary<string, StringValues> form)
    {
        AssumeRoleParameters parameters;
        try
        {
            parameters = AssumeRoleParameters.Parse(form);
        }
        catch (AwsErrorException e)
        {
            return (null, e.Error);
        }

        // Unknown role and wrong external id answer alike, as STS does, so that neither can be probed.
        var role = roles.Find(parameters.RoleArn);
        if (role is null
            || (role.RequiredExternalId is { } required && !string.Equals(required, parameters.ExternalId, StringComparison.Ordinal)))
        {
            return (null, StsErrors.AccessDenied(parameters.RoleArn));
        }

        return (issued.Issue(parameters.RoleArn, parameters.RoleSessionName, parameters.Duration), null);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "AssumeRole of {RoleArn} answered {StatusCode} {ErrorCode}")]
        public static partial void AssumeRoleAnswered(ILogger logger, string? roleArn, int statusCode, string? errorCode);
    }
}
