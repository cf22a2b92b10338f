using System.Globalization;
using System.Text.Json;

namespace Watcher.Simulator.Protocol;

/// <summary>
/// Reads the members of a request body and collects constraint violations the way the service reports them:
/// all at once, in one InvalidParameterException.
/// </summary>
internal sealed class RequestMembers(JsonElement root)
{
    private readonly List<string> _violations = [];

    public string? String(string member, StringShape shape, bool required)
    {
        if (!TryGet(member, out var element))
        {
            if (required)
            {
                _violations.Add($"Value null at '{FieldName(member)}' failed to satisfy constraint: Member must not be null");
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            throw new AwsErrorException(AwsErrors.Serialization($"Member '{member}' must be a string, not {element.ValueKind}."));
        }

        var value = element.GetString()!;
        foreach (var violation in shape.Violations(value))
        {
            _violations.Add($"Value '{Shorten(value)}' at '{FieldName(member)}' failed to satisfy constraint: {violation}");
        }

        return value;
    }

    public int? Integer(string member, int min, int max)
    {
        if (!TryGet(member, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            throw new AwsErrorException(AwsErrors.Serialization($"Member '{member}' must be an integer, not {element.GetRawText()}."));
        }

        if (value < min)
        {
            _violations.Add($"Value '{value.ToString(CultureInfo.InvariantCulture)}' at '{FieldName(member)}' failed to satisfy constraint: Member must have value greater than or equal to {min}");
        }
        else if (value > max)
        {
            _violations.Add($"Value '{value.ToString(CultureInfo.InvariantCulture)}' at '{FieldName(member)}' failed to satisfy constraint: Member must have value less than or equal to {max}");
        }

        return value;
    }

    public void ThrowIfInvalid()
    {
        if (_violations.Count == 0)
        {
            return;
        }

        var count = _violations.Count == 1 ? "1 validation error" : $"{_violations.Count} validation errors";
        throw new AwsErrorException(AwsErrors.InvalidParameter($"{count} detected: {string.Join("; ", _violations)}"));
    }

    private bool TryGet(string member, out JsonElement element) =>
        root.TryGetProperty(member, out element) && element.ValueKind != JsonValueKind.Null;

    // Messages stay under the 256 characters of the error shape's Message.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";

    private static string FieldName(string member) => char.ToLowerInvariant(member[0]) + member[1..];
}
