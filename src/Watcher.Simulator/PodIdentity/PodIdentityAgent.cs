using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Watcher.Simulator.Hosting;
using Watcher.Simulator.Sts;

namespace Watcher.Simulator;

/// <summary>
/// A loopback stand-in for the EKS Pod Identity agent (<c>http://169.254.170.23/v1/credentials</c>): it checks the
/// Authorization header against the service account token and hands out temporary keys that the simulator that
/// started it accepts, until they expire. Point <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c> at <see cref="CredentialsUrl"/>;
/// the SDK allows http to loopback addresses.
/// </summary>
public sealed partial class PodIdentityAgent : IAsyncDisposable
{
    public const string CredentialsPath = "/v1/credentials";

    private readonly WebApplication _app;
    private readonly PodIdentityAgentOptions _options;
    private readonly IssuedCredentials _issued;
    private readonly byte[] _token;
    private readonly Lock _gate = new();
    private readonly List<PodIdentityFetch> _fetches = [];
    private readonly ILogger _logger;
    private int _forcedStatusCode;
    private int _sessions;
    private int _disposed;

    private PodIdentityAgent(WebApplication app, PodIdentityAgentOptions options, IssuedCredentials issued)
    {
        _app = app;
        _options = options;
        _issued = issued;
        _token = Encoding.UTF8.GetBytes(options.Token);
        _logger = app.Services.GetRequiredService<ILogger<PodIdentityAgent>>();
        app.Run(HandleAsync);
    }

    /// <summary>The full credentials URL, e.g. <c>http://127.0.0.1:41235/v1/credentials</c>.</summary>
    public Uri CredentialsUrl { get; private set; } = null!;

    public string RoleArn => _options.RoleArn;

    /// <summary>Every credentials request, in order of arrival. A snapshot.</summary>
    public IReadOnlyList<PodIdentityFetch> Fetches
    {
        get
        {
            lock (_gate)
            {
                return [.. _fetches];
            }
        }
    }

    /// <summary>When set (400..599), every request is answered with this status and no credentials, as an agent that is
    /// failing, or that has no association for the pod, does. Null: answer normally.</summary>
    public int? ForcedStatusCode
    {
        get => Volatile.Read(ref _forcedStatusCode) is var status and not 0 ? status : null;
        set
        {
            if (value is { } status and (< 400 or > 599))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "ForcedStatusCode must be an HTTP error status, 400 to 599.");
            }

            Volatile.Write(ref _forcedStatusCode, value ?? 0);
        }
    }

    internal static async Task<PodIdentityAgent> StartAsync(PodIdentityAgentOptions options, IssuedCredentials issued, LogLevel minimumLogLevel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Token);
        if (!RoleArns.IsValid(options.RoleArn))
        {
            throw new ArgumentException($"RoleArn '{options.RoleArn}' is not an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>).", nameof(options));
        }

        if (options.CredentialLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException($"CredentialLifetime must be positive, but was {options.CredentialLifetime}.", nameof(options));
        }

        var app = WorkMailSimulator.BuildHost(minimumLogLevel, ListenEndpoint.Parse(options.ListenUrl));
        var agent = new PodIdentityAgent(app, options, issued);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        agent.CredentialsUrl = new Uri(address.TrimEnd('/') + CredentialsPath);
        Log.Started(agent._logger, agent.CredentialsUrl, options.RoleArn);
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var (status, message) = !string.Equals(request.Path, CredentialsPath, StringComparison.Ordinal) ? (404, $"No such path {request.Path}: the agent serves GET {CredentialsPath}.")
            : !HttpMethods.IsGet(request.Method) ? (405, $"{request.Method} is not allowed: use GET.")
            : ForcedStatusCode is { } forced ? (forced, "The agent is set to fail (ForcedStatusCode).")
            : request.Headers.Authorization.ToString() is not { Length: > 0 } token ? (400, "Service account token cannot be empty.")
            : !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _token) ? (403, "The service account token is not valid.")
            : (200, null);

        var now = _issued.TimeProvider.GetUtcNow();
        var credential = status == 200
            ? _issued.Issue(_options.RoleArn, $"eks-simulator-watcher-{Interlocked.Increment(ref _sessions)}", _options.CredentialLifetime)
            : null;
        lock (_gate)
        {
            _fetches.Add(new PodIdentityFetch(now, status, credential?.AccessKeyId, credential?.Expiration));
        }

        Log.Answered(_logger, status, credential?.AccessKeyId);
        context.Response.StatusCode = status;
        if (credential is null)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(message!, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("AccessKeyId", credential.AccessKeyId);
        writer.WriteString("SecretAccessKey", credential.SecretAccessKey);
        writer.WriteString("Token", credential.SessionToken);
        writer.WriteString("AccountId", RoleArns.AccountOf(_options.RoleArn));
        writer.WriteString("Expiration", credential.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "EKS Pod Identity agent listening on {CredentialsUrl} (role {RoleArn})")]
        public static partial void Started(ILogger logger, Uri credentialsUrl, string roleArn);

        [LoggerMessage(2, LogLevel.Debug, "Credentials request answered {StatusCode} (access key {AccessKeyId})")]
        public static partial void Answered(ILogger logger, int statusCode, string? accessKeyId);
    }
}
