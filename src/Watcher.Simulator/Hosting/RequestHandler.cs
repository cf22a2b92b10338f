using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Watcher.Simulator.Auth;
using Watcher.Simulator.Faults;
using Watcher.Simulator.Operations;
using Watcher.Simulator.Protocol;
using Watcher.Simulator.Sts;

namespace Watcher.Simulator.Hosting;

/// <summary>
/// The whole HTTP surface: every request, whatever its method or path, ends here and gets an awsJson answer.
/// Order of checks: added latency, SigV4, injected faults, protocol (method, content type, target), body, operation.
/// Form posts go to the STS route instead, after the added latency.
/// </summary>
internal sealed partial class RequestHandler(
    OperationContext operations,
    SimulatorFaults faults,
    SimulatorRequestLog requests,
    SigV4Verifier verifier,
    StsRequestHandler sts,
    ILogger<RequestHandler> logger)
{
    private const int MaxBodyBytes = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = request.Headers["X-Amz-Target"].ToString() is { Length: > 0 } t ? t : null;
        var operation = target is not null && target.StartsWith(WorkMailOperation.TargetPrefix, StringComparison.Ordinal)
            ? target[WorkMailOperation.TargetPrefix.Length..]
            : target ?? "";
        var body = await ReadBodyAsync(request, context.RequestAborted);

        var latency = faults.AddedLatency;
        if (latency > TimeSpan.Zero)
        {
            // Network latency is wall-clock time, even when the simulated jobs run on a test's clock.
            await Task.Delay(latency, TimeProvider.System, context.RequestAborted);
        }

        if (body is not null && StsRequestHandler.Handles(request))
        {
            await sts.HandleAsync(context, ToSigV4Request(context, body));
            return;
        }

        var (document, bodyError) = Parse(body);
        using var _ = document;
        var auth = verifier.Verify(ToSigV4Request(context, body ?? []));
        var error = auth.Error
            ?? faults.NextFault(operation)
            ?? CheckProtocol(request, target, operation)
            ?? bodyError;
        byte[]? payload = null;
        var (responseFault, faultJobId) = (ResponseFault.None, (string?)null);
        if (error is null)
        {
            (payload, error) = Execute(operation, document!.RootElement, operations with { Region = auth.Region! });
            if (payload is not null)
            {
                (responseFault, faultJobId) = ResponseFaultWriter.Select(faults, operation, document.RootElement, payload);
            }
        }

        var organizationId = OrganizationIdOf(document);
        var statusCode = error?.StatusCode ?? StatusCodes.Status200OK;
        requests.Add(new SimulatorRequest(
            operation,
            target,
            request.ContentType,
            body is null ? "" : Encoding.UTF8.GetString(body),
            organizationId,
            statusCode,
            error?.Code,
            auth.AccessKeyId,
            auth.IsValid)
        {
            AssumedRoleArn = auth.AssumedRoleArn,
            Region = auth.Region,
            ResponseFault = responseFault,
        });
        Log.RequestAnswered(logger, operation, organizationId, statusCode, error?.Code);

        if (responseFault != ResponseFault.None)
        {
            await ResponseFaultWriter.WriteAsync(context, responseFault, operation, payload!, faultJobId);
            return;
        }

        await AwsJsonResponse.WriteAsync(context, statusCode, error, payload);
    }

    private (byte[]? Payload, AwsError? Error) Execute(string operation, JsonElement input, OperationContext context)
    {
        using var buffer = new MemoryStream();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                OperationDispatcher.Execute(operation, input, context, writer);
            }

            return (buffer.ToArray(), null);
        }
        catch (AwsErrorException e)
        {
            return (null, e.Error);
        }
#pragma warning disable CA1031 // A simulator bug must still come back as a well-formed AWS error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.OperationFailed(logger, operation, e);
            return (null, AwsErrors.InternalFailure());
        }
    }

    private static AwsError? CheckProtocol(HttpRequest request, string? target, string operation)
    {
        if (!HttpMethods.IsPost(request.Method) || request.Path != "/")
        {
            return AwsErrors.UnknownOperation($"{request.Method} {request.Path} is not an operation: awsJson 1.1 operations are POST /.");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType, AwsJsonResponse.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return AwsErrors.UnknownOperation($"Content-Type '{request.ContentType}' is not supported; use {AwsJsonResponse.ContentType}.");
        }

        if (target is null)
        {
            return AwsErrors.UnknownOperation("The X-Amz-Target header is missing.");
        }

        if (!target.StartsWith(WorkMailOperation.TargetPrefix, StringComparison.Ordinal) || !OperationDispatcher.IsKnown(operation))
        {
            return AwsErrors.UnknownOperation($"X-Amz-Target '{target}' does not name a supported operation.");
        }

        return null;
    }

    private static (JsonDocument? Document, AwsError? Error) Parse(byte[]? body)
    {
        if (body is null)
        {
            return (null, AwsErrors.Serialization($"The request body is larger than {MaxBodyBytes} bytes."));
        }

        // SDKs always send at least {}; an empty body is read as an empty structure, as the service does.
        if (body.Length == 0)
        {
            return (JsonDocument.Parse("{}"), null);
        }

        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return (document, null);
            }

            document.Dispose();
            return (null, AwsErrors.Serialization("The request body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, AwsErrors.Serialization($"The request body is not valid JSON: {e.Message}"));
        }
    }

    private static string? OrganizationIdOf(JsonDocument? document) =>
        document is not null
        && document.RootElement.TryGetProperty("OrganizationId", out var element)
        && element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : null;

    /// <returns>Null when the body exceeds the limit.</returns>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static SigV4Request ToSigV4Request(HttpContext context, byte[] body)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key,
            h => (IReadOnlyList<string>)[.. h.Value.Select(v => v ?? "")],
            StringComparer.OrdinalIgnoreCase);
        return new SigV4Request(
            context.Request.Method,
            query < 0 ? rawTarget : rawTarget[..query],
            query < 0 ? "" : rawTarget[(query + 1)..],
            headers,
            body);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "{Operation} for {OrganizationId} answered {StatusCode} {ErrorCode}")]
        public static partial void RequestAnswered(ILogger logger, string operation, string? organizationId, int statusCode, string? errorCode);

        [LoggerMessage(2, LogLevel.Error, "{Operation} failed inside the simulator")]
        public static partial void OperationFailed(ILogger logger, string operation, Exception exception);
    }
}
