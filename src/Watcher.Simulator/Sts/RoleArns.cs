using System.Text.RegularExpressions;

namespace Watcher.Simulator.Sts;

/// <summary>IAM role ARNs and the names STS derives from them.</summary>
internal static partial class RoleArns
{
    public static bool IsValid(string? roleArn) => roleArn is not null && Pattern().IsMatch(roleArn);

    public static string AccountOf(string roleArn) => Pattern().Match(roleArn).Groups["account"].Value;

    // STS names the session after the role's last path segment, not its full path.
    public static string NameOf(string roleArn) => roleArn[(roleArn.LastIndexOf('/') + 1)..];

    [GeneratedRegex(@"^arn:aws:iam::(?<account>\d{12}):role/([\w+=,.@-]+/)*[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
