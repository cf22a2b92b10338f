using System.Globalization;
using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>
/// Strict readers for member values. Each is called with the reader on a property name, reads the value and
/// checks its JSON type, so that a wrong type is reported with the member's name instead of a bare cast error.
/// </summary>
internal static class JsonMemberReader
{
    public static string? ReadString(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, string member)
    {
        context.Read(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw WrongType(member, "a string", reader.TokenType),
        };
    }

    public static int? ReadInt32(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, string member)
    {
        context.Read(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return reader.TryGetInt32(out var value)
                    ? value
                    : throw new MalformedMemberException(member, $"The member {member} is not a 32-bit integer.");
            default:
                throw WrongType(member, "an integer", reader.TokenType);
        }
    }

    /// <summary>Reads an epoch-seconds timestamp, fraction included, as UTC.</summary>
    public static DateTimeOffset? ReadEpochSeconds(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, string member)
    {
        context.Read(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var seconds) && EpochSeconds.TryConvert(seconds, out var time)
                    ? time
                    : throw new MalformedMemberException(member, $"The member {member} is not a valid epoch timestamp.");
            case JsonTokenType.String:
                // Not what awsJson1_1 sends, but the SDK's own timestamp reader accepts the text forms too.
                var text = reader.GetString();
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var textSeconds)
                    && EpochSeconds.TryConvert(textSeconds, out var fromText))
                {
                    return fromText;
                }

                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed.ToUniversalTime()
                    : throw new MalformedMemberException(member, $"The member {member} is not a valid timestamp.");
            default:
                throw WrongType(member, "a timestamp", reader.TokenType);
        }
    }

    /// <summary>Reads to the start of an array; false when the value is null.</summary>
    public static bool ReadArrayStart(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, string member)
    {
        context.Read(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.Null => false,
            JsonTokenType.StartArray => true,
            _ => throw WrongType(member, "an array", reader.TokenType),
        };
    }

    public static MalformedMemberException WrongType(string member, string expected, JsonTokenType actual) =>
        new(member, $"The member {member} should be {expected} but is a JSON {actual}.");
}
