using System.Globalization;
using Google.Protobuf;

namespace Watcher.Testing.Otlp;

/// <summary>
/// Decodes an OTLP ExportMetricsServiceRequest (opentelemetry/proto/collector/metrics/v1) by hand, field number by
/// field number, into <see cref="OtlpBatch"/> records; fields a test has no use for (exemplars, flags, times) are
/// skipped. One resource per request is what an SDK sends, so resource attributes of several are merged.
/// </summary>
public static class OtlpDecoder
{
    public static OtlpBatch Decode(ReadOnlySpan<byte> request)
    {
        var resource = new Dictionary<string, string>(StringComparer.Ordinal);
        var metrics = new List<OtlpMetric>();
        ForEachField(request.ToArray(), (tag, input) =>
        {
            if (tag == 1)
            {
                DecodeResourceMetrics(input.ReadBytes(), resource, metrics);
            }
            else
            {
                input.SkipLastField();
            }
        });
        return new OtlpBatch(resource, metrics);
    }

    private static void DecodeResourceMetrics(ByteString bytes, Dictionary<string, string> resource, List<OtlpMetric> metrics) =>
        ForEachField(bytes, (tag, input) =>
        {
            switch (tag)
            {
                case 1: // Resource
                    ForEachField(input.ReadBytes(), (t, r) =>
                    {
                        if (t == 1)
                        {
                            var (key, value) = DecodeKeyValue(r.ReadBytes());
                            resource[key] = value;
                        }
                        else
                        {
                            r.SkipLastField();
                        }
                    });
                    break;
                case 2: // ScopeMetrics
                    DecodeScopeMetrics(input.ReadBytes(), metrics);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        });

    private static void DecodeScopeMetrics(ByteString bytes, List<OtlpMetric> metrics)
    {
        var scope = string.Empty;
        var raw = new List<ByteString>();
        ForEachField(bytes, (tag, input) =>
        {
            switch (tag)
            {
                case 1: // InstrumentationScope
                    ForEachField(input.ReadBytes(), (t, s) =>
                    {
                        if (t == 1)
                        {
                            scope = s.ReadString();
                        }
                        else
                        {
                            s.SkipLastField();
                        }
                    });
                    break;
                case 2:
                    raw.Add(input.ReadBytes());
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        });
        metrics.AddRange(raw.Select(m => DecodeMetric(scope, m)));
    }

    private static OtlpMetric DecodeMetric(string scope, ByteString bytes)
    {
        string name = string.Empty, unit = string.Empty, description = string.Empty;
        var kind = OtlpMetricKind.Unknown;
        var temporality = OtlpTemporality.Unspecified;
        var monotonic = false;
        var points = new List<OtlpPoint>();
        ForEachField(bytes, (tag, input) =>
        {
            switch (tag)
            {
                case 1: name = input.ReadString(); break;
                case 2: description = input.ReadString(); break;
                case 3: unit = input.ReadString(); break;
                case 5: // Gauge { repeated NumberDataPoint data_points = 1; }
                    kind = OtlpMetricKind.Gauge;
                    DecodeData(input.ReadBytes(), points, histogram: false, ref temporality, ref monotonic);
                    break;
                case 7: // Sum { data_points = 1; aggregation_temporality = 2; is_monotonic = 3; }
                    kind = OtlpMetricKind.Sum;
                    DecodeData(input.ReadBytes(), points, histogram: false, ref temporality, ref monotonic);
                    break;
                case 9: // Histogram { repeated HistogramDataPoint data_points = 1; aggregation_temporality = 2; }
                    kind = OtlpMetricKind.Histogram;
                    DecodeData(input.ReadBytes(), points, histogram: true, ref temporality, ref monotonic);
                    break;
                default: input.SkipLastField(); break;
            }
        });
        return new OtlpMetric(scope, name, unit, description, kind, temporality, monotonic, points);
    }

    private static void DecodeData(ByteString bytes, List<OtlpPoint> points, bool histogram, ref OtlpTemporality temporality, ref bool monotonic)
    {
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: points.Add(histogram ? DecodeHistogramPoint(input.ReadBytes()) : DecodeNumberPoint(input.ReadBytes())); break;
                case 2: temporality = (OtlpTemporality)input.ReadEnum(); break;
                case 3: monotonic = input.ReadBool(); break;
                default: input.SkipLastField(); break;
            }
        }
    }

    // NumberDataPoint { start_time_unix_nano = 2; time_unix_nano = 3; as_double = 4; as_int = 6 (sfixed64); attributes = 7; }
    private static OtlpPoint DecodeNumberPoint(ByteString bytes)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var value = 0.0;
        ForEachField(bytes, (tag, input) =>
        {
            switch (tag)
            {
                case 4: value = input.ReadDouble(); break;
                case 6: value = input.ReadSFixed64(); break;
                case 7: Add(attributes, input.ReadBytes()); break;
                default: input.SkipLastField(); break;
            }
        });
        return new OtlpPoint(attributes, value);
    }

    // HistogramDataPoint { count = 4 (fixed64); sum = 5; bucket_counts = 6; explicit_bounds = 7; attributes = 9; }
    private static OtlpPoint DecodeHistogramPoint(ByteString bytes)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var sum = 0.0;
        ulong count = 0;
        ForEachField(bytes, (tag, input) =>
        {
            switch (tag)
            {
                case 4: count = input.ReadFixed64(); break;
                case 5: sum = input.ReadDouble(); break;
                case 9: Add(attributes, input.ReadBytes()); break;
                default: input.SkipLastField(); break;
            }
        });
        return new OtlpPoint(attributes, sum, count);
    }

    private static void Add(Dictionary<string, string> attributes, ByteString keyValue)
    {
        var (key, value) = DecodeKeyValue(keyValue);
        attributes[key] = value;
    }

    // KeyValue { key = 1; AnyValue value = 2; } AnyValue { string_value = 1; bool_value = 2; int_value = 3; double_value = 4; }
    private static (string Key, string Value) DecodeKeyValue(ByteString bytes)
    {
        string key = string.Empty, value = string.Empty;
        ForEachField(bytes, (tag, input) =>
        {
            if (tag == 1)
            {
                key = input.ReadString();
                return;
            }

            if (tag != 2)
            {
                input.SkipLastField();
                return;
            }

            ForEachField(input.ReadBytes(), (t, v) => value = t switch
            {
                1 => v.ReadString(),
                2 => v.ReadBool() ? "true" : "false",
                3 => v.ReadInt64().ToString(CultureInfo.InvariantCulture),
                4 => v.ReadDouble().ToString(CultureInfo.InvariantCulture),
                _ => Skip(v),
            });
        });
        return (key, value);
    }

    private static string Skip(CodedInputStream input)
    {
        input.SkipLastField();
        return string.Empty;
    }

    private static void ForEachField(ByteString bytes, Action<int, CodedInputStream> read) => ForEachField(bytes.ToByteArray(), read);

    private static void ForEachField(byte[] bytes, Action<int, CodedInputStream> read)
    {
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            read(WireFormat.GetTagFieldNumber(tag), input);
        }
    }
}
