using System.Collections;
using System.Reflection;
using OpenTelemetry.Metrics;

namespace Watcher.Metrics;

/// <summary>
/// OpenTelemetry.Exporter.Prometheus 1.20.1-beta.1 remembers every metric stream it has written (up to 1024)
/// and never forgets one, so the streams of a replaced per-job generation, with all their points, would stay
/// reachable for the life of the process. Emptying that name cache after a replacement lets them go; the
/// exporter rebuilds it on the next scrape. It is private state of a pre-release package, so every step is
/// checked and a mismatch only means the memory is not given back (see <see cref="Cleared"/>).
/// </summary>
internal static class PrometheusExporterCache
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>False once a clear was tried and the exporter did not look as expected.</summary>
    public static bool Cleared { get; private set; } = true;

    /// <summary>Empties the exporter's metric cache; call only while no scrape runs.</summary>
    public static bool TryClear(MeterProvider? provider)
    {
        try
        {
            var reader = provider?.GetType().GetProperty("Reader", Instance)?.GetValue(provider);
            var exporter = reader?.GetType().GetProperty("Exporter", Instance)?.GetValue(reader);
            var manager = exporter?.GetType().GetProperty("CollectionManager", Instance)?.GetValue(exporter);
            var cache = manager?.GetType().GetField("metricsCache", Instance)?.GetValue(manager) as IDictionary;
            var count = manager?.GetType().GetField("metricsCacheCount", Instance);
            if (cache is null || count is null || count.FieldType != typeof(int))
            {
                return Cleared = false;
            }

            cache.Clear();
            count.SetValue(manager, 0);
            return Cleared = true;
        }
        catch (Exception ex) when (ex is TargetException or MemberAccessException or ArgumentException or InvalidCastException)
        {
            return Cleared = false;
        }
    }
}
