using System.Globalization;
using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Reads one element of a list member; <c>path</c> (e.g. <c>Users[3]</c>) names it in errors.</summary>
internal delegate T? JsonElementReader<T>(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, string path)
    where T : class;

/// <summary>Reads a list member whose elements are structures; a null element is malformed, a null list is empty.</summary>
internal static class JsonListReader
{
    public static List<T> Read<T>(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, string member, JsonElementReader<T> readElement)
        where T : class
    {
        var items = new List<T>();
        if (!JsonMemberReader.ReadArrayStart(context, ref reader, member))
        {
            return items;
        }

        while (!context.Peek(JsonTokenType.EndArray, ref reader))
        {
            if (context.CurrentTokenType is null)
            {
                throw new MalformedMemberException(member, $"The member {member} ends before its array does.");
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"{member}[{items.Count}]");
            var item = readElement(context, ref reader, path)
                ?? throw new MalformedMemberException(path, $"The member {path} is null.");
            items.Add(item);
        }

        context.Read(ref reader);
        return items;
    }

    /// <summary>Reads to the start of an element object; false when it is null.</summary>
    public static bool ReadObjectStart(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, string path)
    {
        context.Read(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.Null => false,
            JsonTokenType.StartObject => true,
            _ => throw JsonMemberReader.WrongType(path, "an object", reader.TokenType),
        };
    }
}
