using System.Xml.Linq;

namespace Watcher.Simulator.Tests.Infrastructure;

/// <summary>AssumeRole as the AWS SDK sends it (a SigV4-signed form post, service sts) and its XML answer.</summary>
internal static class StsTestCalls
{
    public static readonly XNamespace Ns = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static TestRequest AssumeRole(string? roleArn, string? sessionName = "watcher", string? externalId = null, string? durationSeconds = null) =>
        Form(("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", roleArn), ("RoleSessionName", sessionName),
            ("ExternalId", externalId), ("DurationSeconds", durationSeconds));

    public static TestRequest Form(params (string Name, string? Value)[] parameters) => new()
    {
        ContentType = "application/x-www-form-urlencoded; charset=utf-8",
        Service = "sts",
        Body = string.Join("&", parameters
            .Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}")),
    };

    public static XElement Xml(TestResponse response) => XDocument.Parse(response.Body).Root!;

    public static string? ErrorCode(TestResponse response) => Xml(response).Element(Ns + "Error")?.Element(Ns + "Code")?.Value;

    /// <summary>The Credentials element of a successful answer.</summary>
    public static XElement Credentials(TestResponse response) =>
        Xml(response).Element(Ns + "AssumeRoleResult")!.Element(Ns + "Credentials")!;
}
