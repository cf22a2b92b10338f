using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Watcher.Metrics.Exposition;

/// <summary>The bits of the Prometheus text format (0.0.4) and OpenMetrics 1.0 that per-job series need.</summary>
internal static class ExpositionText
{
    public const string OpenMetricsMediaType = "application/openmetrics-text";

    public const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Longest a formatted sample value can be.</summary>
    public const int MaxValueLength = 32;

    public static ReadOnlySpan<byte> Eof => "# EOF\n"u8;

    /// <summary><c>name="value",…</c>, values escaped; the caller adds the braces.</summary>
    public static byte[] Labels(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var text = new StringBuilder();
        for (var i = 0; i < labels.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(labels[i].Key).Append("=\"");
            AppendLabelValue(text, labels[i].Value);
            text.Append('"');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The family's # TYPE, # UNIT (OpenMetrics only) and # HELP lines.</summary>
    public static byte[] Header(string name, string type, string? unit, string help, bool openMetrics)
    {
        var text = new StringBuilder();
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        if (openMetrics && unit is not null)
        {
            text.Append("# UNIT ").Append(name).Append(' ').Append(unit).Append('\n');
        }

        text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// Writes a sample value as the shortest text that reads back as the same double, as OpenTelemetry's exporter
    /// does. Whole numbers take the integer path, which is exact and several times faster.
    /// </summary>
    public static int WriteValue(double value, Span<byte> destination)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            Utf8Formatter.TryFormat((long)value, destination, out var written);
            return written;
        }

        if (double.IsPositiveInfinity(value))
        {
            "+Inf"u8.CopyTo(destination);
            return 4;
        }

        if (double.IsNegativeInfinity(value))
        {
            "-Inf"u8.CopyTo(destination);
            return 4;
        }

        value.TryFormat(destination, out var length, default, CultureInfo.InvariantCulture);
        return length;
    }

    /// <summary>True when the response's content type, as negotiated, is OpenMetrics.</summary>
    public static bool IsOpenMetrics(string? contentType) =>
        contentType is not null && contentType.StartsWith(OpenMetricsMediaType, StringComparison.OrdinalIgnoreCase);

    private static void AppendLabelValue(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    text.Append("\\\\");
                    break;
                case '"':
                    text.Append("\\\"");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
    }
}
