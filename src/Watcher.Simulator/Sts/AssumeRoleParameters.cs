using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Sts;

/// <summary>The AssumeRole form parameters the simulator understands, validated as STS does.</summary>
internal sealed partial record AssumeRoleParameters(string RoleArn, string RoleSessionName, string? ExternalId, TimeSpan Duration)
{
    public const int DefaultDurationSeconds = 3600;
    private const int MinDurationSeconds = 900;
    private const int MaxDurationSeconds = 43200;

    public static bool IsValidExternalId(string value) => value.Length is >= 2 and <= 1224 && ExternalIdPattern().IsMatch(value);

    /// <exception cref="AwsErrorException">ValidationError listing every violation.</exception>
    public static AssumeRoleParameters Parse(IReadOnlyDictionary<string, StringValues> form)
    {
        var violations = new List<string>();
        var roleArn = Value(form, "RoleArn");
        var sessionName = Value(form, "RoleSessionName");
        var externalId = Value(form, "ExternalId");
        var durationText = Value(form, "DurationSeconds");

        if (roleArn is null)
        {
            violations.Add("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        }
        else if (!RoleArns.IsValid(roleArn))
        {
            violations.Add($"Value '{roleArn}' at 'roleArn' failed to satisfy constraint: Member must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
        }

        if (sessionName is null)
        {
            violations.Add("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
        }
        else if (sessionName.Length is < 2 or > 64 || !SessionNamePattern().IsMatch(sessionName))
        {
            violations.Add($"Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        // The value is not echoed: an external id is a shared secret.
        if (externalId is not null && !IsValidExternalId(externalId))
        {
            violations.Add("Value at 'externalId' failed to satisfy constraint: Member must have length between 2 and 1224 and satisfy regular expression pattern: [\\w+=,.@:/-]*");
        }

        var durationSeconds = DefaultDurationSeconds;
        if (durationText is not null
            && (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out durationSeconds)
                || durationSeconds is < MinDurationSeconds or > MaxDurationSeconds))
        {
            violations.Add($"Value '{durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value between {MinDurationSeconds} and {MaxDurationSeconds}");
        }

        if (violations.Count > 0)
        {
            var count = violations.Count == 1 ? "1 validation error detected: " : $"{violations.Count} validation errors detected: ";
            throw new AwsErrorException(StsErrors.Validation(count + string.Join("; ", violations)));
        }

        return new AssumeRoleParameters(roleArn!, sessionName!, externalId, TimeSpan.FromSeconds(durationSeconds));
    }

    public override string ToString() => $"AssumeRoleParameters {{ RoleArn = {RoleArn}, RoleSessionName = {RoleSessionName} }}";

    private static string? Value(IReadOnlyDictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    [GeneratedRegex(@"^[\w+=,.@-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();
}
