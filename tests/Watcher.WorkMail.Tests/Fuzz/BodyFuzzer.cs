using System.Text;

namespace Watcher.WorkMail.Tests.Fuzz;

/// <summary>Deterministic bad bodies: random ones and mutations of a valid one. Each case says how it was made.</summary>
internal sealed class BodyFuzzer(int seed, params string[] validBodies)
{
    private static readonly string[] Kinds =
    [
        "flip", "truncate", "insert", "delete", "swap-type", "huge-number", "deep-nesting", "invalid-utf8",
        "random-bytes", "token-soup", "empty", "duplicate-member", "splice",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "42", "101", "1.5", "-0", "1e3", "\"\"", "\"x\"", "\"RUNNING\"", "\"fifty\"",
        "{}", "[]", "[1,2]", "{\"a\":{}}", "[null]", "[{}]", "\"\\u0000\"", "\"\\ud800\"", "\"1700000000\"", "\"2024-01-01T00:00:00Z\"",
    ];

    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "99999999999999999999999999999999", "2147483648", "-2147483649", "1e308", "4.9e-324",
        "0.00000000000000000000000000000000000001", "1000000000000.001", "253402300800", "-62135596801",
        "79228162514264337593543950336", "123456789012345678901234567890.5", "1E+2", "-0.0",
    ];

    private static readonly string[] Members =
    [
        "Jobs", "NextToken", "JobId", "EntityId", "Description", "RoleArn", "KmsKeyArn", "S3BucketName", "S3Prefix",
        "S3Path", "EstimatedProgress", "State", "ErrorInfo", "StartTime", "EndTime", "__type", "Message", "message", "code",
        "\\ud800", "\\u0000", "St\\u0061te", "",
    ];

    private const string Significant = "{}[]\",:\\ 0123456789-+.eEtrufalsn\u00e9\u20ac";

    private readonly Random _random = new(seed);

    public int Cases { get; private set; }

    public (string Kind, byte[] Body) Next()
    {
        Cases++;
        var kind = Kinds[_random.Next(Kinds.Length)];
        var valid = Encoding.UTF8.GetBytes(validBodies[_random.Next(validBodies.Length)]);
        var body = kind switch
        {
            "flip" => Flip(valid),
            "truncate" => valid[.._random.Next(valid.Length)],
            "insert" => Insert(valid, Encoding.UTF8.GetBytes(Significant[_random.Next(Significant.Length)].ToString())),
            "delete" => Delete(valid),
            "swap-type" => ReplaceValue(valid, Values[_random.Next(Values.Length)]),
            "huge-number" => ReplaceValue(valid, HugeNumbers[_random.Next(HugeNumbers.Length)]),
            "deep-nesting" => ReplaceValue(valid, Nest(_random.Next(1, 3000))),
            "invalid-utf8" => Insert(valid, InvalidUtf8()),
            "random-bytes" => RandomBytes(),
            "token-soup" => Encoding.UTF8.GetBytes(TokenSoup()),
            "empty" => _random.Next(3) switch { 0 => [], 1 => " \r\n\t"u8.ToArray(), _ => "\uFEFF"u8.ToArray() },
            "duplicate-member" => Insert(valid, Encoding.UTF8.GetBytes($"\"{Members[_random.Next(Members.Length)]}\":{Values[_random.Next(Values.Length)]},"), afterFirstBrace: true),
            _ => Splice(valid),
        };

        // A few rounds of stacked mutations find more than single ones.
        if (kind is "flip" or "delete" && _random.Next(4) == 0)
        {
            body = Flip(Delete(body));
        }

        return (kind, body);
    }

    private byte[] Flip(byte[] body)
    {
        if (body.Length == 0)
        {
            return body;
        }

        var copy = (byte[])body.Clone();
        var flips = _random.Next(1, 4);
        for (var i = 0; i < flips; i++)
        {
            var at = _random.Next(copy.Length);
            copy[at] = _random.Next(2) == 0 ? (byte)(copy[at] ^ (1 << _random.Next(8))) : (byte)_random.Next(256);
        }

        return copy;
    }

    private byte[] Insert(byte[] body, byte[] insert, bool afterFirstBrace = false)
    {
        var at = afterFirstBrace ? Math.Min(1, body.Length) : _random.Next(body.Length + 1);
        return [.. body.AsSpan(0, at), .. insert, .. body.AsSpan(at)];
    }

    private byte[] Delete(byte[] body)
    {
        if (body.Length == 0)
        {
            return body;
        }

        var at = _random.Next(body.Length);
        var length = Math.Min(body.Length - at, _random.Next(1, 8));
        return [.. body.AsSpan(0, at), .. body.AsSpan(at + length)];
    }

    /// <summary>Replaces the value of one member (found after a random <c>":</c>) with <paramref name="value"/>.</summary>
    private byte[] ReplaceValue(byte[] body, string value)
    {
        var text = Encoding.UTF8.GetString(body);
        var colons = new List<int>();
        for (var i = text.IndexOf("\":", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\":", i + 1, StringComparison.Ordinal))
        {
            colons.Add(i + 2);
        }

        if (colons.Count == 0)
        {
            return Encoding.UTF8.GetBytes(value);
        }

        var start = colons[_random.Next(colons.Count)];
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        var end = ValueEnd(text, start);
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, start), value, text.AsSpan(end)));
    }

    /// <summary>The end of the JSON value at <paramref name="start"/> (a string, a bracketed value or a scalar).</summary>
    private static int ValueEnd(string text, int start)
    {
        if (start >= text.Length)
        {
            return start;
        }

        if (text[start] == '"')
        {
            for (var i = start + 1; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
                else if (text[i] == '"')
                {
                    return i + 1;
                }
            }

            return text.Length;
        }

        if (text[start] is '{' or '[')
        {
            var depth = 0;
            var inString = false;
            for (var i = start; i < text.Length; i++)
            {
                var c = text[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }
                }
                else if (c == '"')
                {
                    inString = true;
                }
                else if (c is '{' or '[')
                {
                    depth++;
                }
                else if (c is '}' or ']' && --depth == 0)
                {
                    return i + 1;
                }
            }

            return text.Length;
        }

        var end = start;
        while (end < text.Length && text[end] is not (',' or '}' or ']' or ' ' or '\n' or '\r'))
        {
            end++;
        }

        return end;
    }

    private string Nest(int depth)
    {
        var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append(open);
        }

        builder.Append('1');
        for (var i = 0; i < depth; i++)
        {
            builder.Append(close);
        }

        return builder.ToString();
    }

    private byte[] InvalidUtf8() => _random.Next(6) switch
    {
        0 => [0xFF],
        1 => [0xC3, 0x28],
        2 => [0xED, 0xA0, 0x80],
        3 => [0xF4, 0x90, 0x80, 0x80],
        4 => [0xE2, 0x82],
        _ => [0xC0, 0xAF],
    };

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 200)];
        _random.NextBytes(bytes);
        if (bytes.Length > 0 && _random.Next(2) == 0)
        {
            bytes[0] = (byte)'{';
        }

        return bytes;
    }

    private string TokenSoup()
    {
        var builder = new StringBuilder();
        var count = _random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            builder.Append(_random.Next(5) switch
            {
                0 => $"\"{Members[_random.Next(Members.Length)]}\"",
                1 => Values[_random.Next(Values.Length)],
                2 => HugeNumbers[_random.Next(HugeNumbers.Length)],
                _ => "{}[],:"[_random.Next(6)].ToString(),
            });
        }

        return builder.ToString();
    }

    private byte[] Splice(byte[] valid)
    {
        var other = Encoding.UTF8.GetBytes(validBodies[_random.Next(validBodies.Length)]);
        var a = _random.Next(valid.Length + 1);
        var b = _random.Next(other.Length + 1);
        return [.. valid.AsSpan(0, a), .. other.AsSpan(b)];
    }
}
