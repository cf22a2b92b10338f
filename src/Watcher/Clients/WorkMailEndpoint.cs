using Watcher.WorkMail;

namespace Watcher.Clients;

/// <summary>Where a client's calls go, for people (check's header, hints, the status page).</summary>
/// <param name="Url">The endpoint.</param>
/// <param name="Custom">True when it is Watcher:Aws:ServiceUrl or AWS_ENDPOINT_URL_WORKMAIL: one endpoint for every
/// region's calls, whatever region they are signed for.</param>
internal sealed record WorkMailEndpoint(string Url, bool Custom)
{
    public const string EnvironmentVariable = "AWS_ENDPOINT_URL_WORKMAIL";

    /// <summary>The endpoint the SDK sends <paramref name="settings"/>' calls to: its ServiceUrl, then
    /// AWS_ENDPOINT_URL_WORKMAIL, then the endpoint rules' regional host.</summary>
    public static WorkMailEndpoint For(WorkMailClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ServiceUrl is { } serviceUrl)
        {
            return new(serviceUrl.ToString(), Custom: true);
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return new(fromEnvironment, Custom: true);
        }

        var service = settings.UseFipsEndpoint ? "workmail-fips" : "workmail";
        var domain = settings.UseDualstackEndpoint ? "api.aws" : "amazonaws.com";
        return new($"https://{service}.{settings.Region}.{domain}", Custom: false);
    }
}
