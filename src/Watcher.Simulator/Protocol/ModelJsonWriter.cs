using System.Text.Json;

namespace Watcher.Simulator.Protocol;

/// <summary>Members as the WorkMail model writes them: a null is left out, a timestamp is epoch seconds.</summary>
internal static class ModelJsonWriter
{
    public static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(EpochSeconds.Format(time), skipInputValidation: true);
        }
    }
}
