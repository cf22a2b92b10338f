using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Options;
using Watcher.Configuration;
using Watcher.Jobs;

namespace Watcher.Metrics.Exposition;

/// <summary>
/// Writes the per-job families of <see cref="JobSeries"/> from one read of the <see cref="ExportJobStore"/>:
/// each family's header, then a line per job, from label sets and values encoded when the job last changed; only
/// values that depend on the time of the scrape are formatted now. It takes no lock, so a scrape never waits on a
/// poll or on another scrape, and a job is seen at exactly one version.
/// </summary>
public sealed class JobSeriesWriter
{
    // Flushing every few kilobytes keeps the response moving and bounds what one slow reader holds.
    private const int ChunkBytes = 128 * 1024;

    private readonly ExportJobStore _store;
    private readonly TimeProvider _time;
    private readonly JobLabelCache _labels;
    private readonly Family[] _families;

    public JobSeriesWriter(ExportJobStore store, TimeProvider time, IOptions<WatcherOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _time = time;
        _labels = new JobLabelCache(options.Value.Metrics.IncludeArns);
        var first = 0;
        _families = [.. JobSeries.Families.Select(f =>
        {
            var family = new Family(f) { FirstSample = first };
            first += f.VariantCount;
            return family;
        })];
    }

    /// <summary>Label sets currently kept, for tests: never more than the jobs watched after a scrape.</summary>
    internal int CachedJobs => _labels.Count;

    /// <summary>Writes every per-job family; stops early, without error, when the client has gone.</summary>
    public async Task WriteAsync(PipeWriter output, bool openMetrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var watched = _store.Current;
        var now = _time.GetUtcNow();
        var count = watched.Count;
        var jobs = ArrayPool<RenderedJob>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var n = 0;
            foreach (var job in watched.Values)
            {
                jobs[n++] = _labels.Get(job);
            }

            _labels.Trim(watched);

            foreach (var family in _families)
            {
                var position = 0;
                var headerWritten = false;
                while (position < n)
                {
                    position = WriteChunk(output, family, jobs, n, position, now, openMetrics, ref headerWritten);
                    var flushed = await output.FlushAsync(cancellationToken);
                    if (flushed.IsCompleted || flushed.IsCanceled)
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<RenderedJob>.Shared.Return(jobs, clearArray: true);
        }
    }

    /// <summary>Writes lines of one family from job <paramref name="start"/> on, until a chunk is full; returns where it stopped.</summary>
    private static int WriteChunk(
        PipeWriter output, Family family, RenderedJob[] jobs, int count, int start, DateTimeOffset now, bool openMetrics, ref bool headerWritten)
    {
        Span<byte> scratch = stackalloc byte[ExpositionText.MaxValueLength];
        var definition = family.Definition;
        var span = output.GetSpan(ChunkBytes);
        var at = 0;
        var written = 0;
        var i = start;
        for (; i < count && written + at < ChunkBytes; i++)
        {
            var job = jobs[i];
            var labels = job.For(definition.Labels);
            for (var variant = 0; variant < family.Close.Length; variant++)
            {
                scoped var value = job.Value(family.FirstSample + variant);
                if (value.IsEmpty)
                {
                    // Absent, or depends on the time of this scrape.
                    if (definition.DependsOnTime?.Invoke(job.Source) != true || definition.Value(job.Source, now, variant) is not { } live)
                    {
                        continue;
                    }

                    value = scratch[..ExpositionText.WriteValue(live, scratch)];
                }

                var header = headerWritten ? [] : openMetrics ? family.OpenMetricsHeader : family.TextHeader;
                var close = family.Close[variant];
                var length = header.Length + family.Open.Length + labels.Length + close.Length + value.Length + 1;
                if (span.Length - at < length)
                {
                    output.Advance(at);
                    written += at;
                    span = output.GetSpan(Math.Max(length, ChunkBytes));
                    at = 0;
                }

                header.CopyTo(span[at..]);
                at += header.Length;
                headerWritten = true;
                family.Open.CopyTo(span[at..]);
                at += family.Open.Length;
                labels.CopyTo(span[at..]);
                at += labels.Length;
                close.CopyTo(span[at..]);
                at += close.Length;
                value.CopyTo(span[at..]);
                at += value.Length;
                span[at++] = (byte)'\n';
            }
        }

        output.Advance(at);
        return i;
    }

    /// <summary>A family's fixed bytes: headers in both formats, <c>name{</c>, and <c>}</c> or <c>,state="…"} </c> per variant.</summary>
    private sealed class Family
    {
        public Family(JobSeriesFamily definition)
        {
            Definition = definition;
            TextHeader = ExpositionText.Header(definition.Name, "gauge", definition.PrometheusUnit, definition.Help, openMetrics: false);
            OpenMetricsHeader = ExpositionText.Header(definition.Name, "gauge", definition.PrometheusUnit, definition.Help, openMetrics: true);
            Open = Encoding.UTF8.GetBytes(definition.Name + "{");
            Close = definition.Variant is { } variant
                ? [.. variant.Values.Select(v => Encoding.UTF8.GetBytes($",{variant.Label}=\"{v}\"}} "))]
                : [Encoding.UTF8.GetBytes("} ")];
        }

        public JobSeriesFamily Definition { get; }

        /// <summary>Where this family's samples start among a job's rendered values.</summary>
        public int FirstSample { get; init; }

        public byte[] TextHeader { get; }

        public byte[] OpenMetricsHeader { get; }

        public byte[] Open { get; }

        public byte[][] Close { get; }
    }
}
