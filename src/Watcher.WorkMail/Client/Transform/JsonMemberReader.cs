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
            JsonTokenType.String => GetText(ref reader, member),
            _ => throw WrongType(member, "a string", reader.TokenType),
        };
    }

    /// <summary>
    /// The reader's string; invalid UTF-8 or a lone surrogate escape (<c>"\ud800"</c>) makes the reader throw a bare
    /// InvalidOperationException, which becomes a malformed member here.
    /// </summary>
    public static string? GetText(ref StreamingUtf8JsonReader reader, string member)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException e)
        {
            throw new MalformedMemberException(member, $"The member {member} is not valid Unicode text.", e);
        }
    }

    /// <summary>
    /// Reads the first token of the body, which must open an object: anything else (a scalar, an array) would leave
    /// the SDK's depth tracking with nothing to pop ("Stack empty") instead of a typed error.
    /// </summary>
    public static void ReadBodyStart(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        try
        {
            context.Read(ref reader);
        }
        catch (InvalidOperationException e)
        {
            throw Unreadable(context, e);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MalformedMemberException("(body)", $"The response body should be a JSON object but is a JSON {reader.TokenType}.");
        }
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
                var text = GetText(ref reader, member);
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

    /// <summary>
    /// The SDK's context throws a bare InvalidOperationException for some bodies the JSON reader accepts token by token:
    /// a scalar at the top level ("Stack empty"), or a property name that is not valid Unicode. Our unmarshallers turn it
    /// into a malformed member at the path reached.
    /// </summary>
    public static MalformedMemberException Unreadable(JsonUnmarshallerContext context, InvalidOperationException exception)
    {
        var path = string.IsNullOrEmpty(context.CurrentPath) ? "(body)" : context.CurrentPath;
        return new MalformedMemberException(path, $"The response body is not readable JSON near {path}.", exception);
    }

    public static MalformedMemberException WrongType(string member, string expected, JsonTokenType actual) =>
        new(member, $"The member {member} should be {expected} but is a JSON {actual}.");
}
