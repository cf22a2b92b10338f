using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using Watcher.Coverage;
using Watcher.Jobs;

namespace Watcher.Metrics.Exposition;

/// <summary>
/// Writes <c>workmail_mailbox_last_export_completed_timestamp_seconds</c>, one line per counted mailbox, from the
/// latest scan of each watched organization. An organization's lines are rendered once per scan (a scan makes a new
/// immutable snapshot) and copied as bytes at every scrape after, as kube-state-metrics does: 10 000 mailboxes are
/// under a megabyte of text and cost a scrape a copy, not 10 000 formattings. Nothing is locked.
/// </summary>
/// <remarks>
/// A mailbox with no completed export has the value 0 rather than no series: the number of series stays the number
/// of mailboxes, and <c>== 0</c> lists the unexported ones, which an absent series could never do.
/// </remarks>
public sealed class CoverageSeriesWriter(CoverageStore coverage, OrganizationStore organizations)
{
    public const string Name = "workmail_mailbox_last_export_completed_timestamp_seconds";

    public const string Help = "When the mailbox's last completed export ended, in Unix seconds, or 0 if it has none; as of the last scan.";

    private static readonly byte[] TextHeader = ExpositionText.Header(Name, "gauge", "seconds", Help, openMetrics: false);
    private static readonly byte[] OpenMetricsHeader = ExpositionText.Header(Name, "gauge", "seconds", Help, openMetrics: true);

    private readonly ConditionalWeakTable<OrganizationCoverage, byte[]> _rendered = [];

    public async Task WriteAsync(PipeWriter output, bool openMetrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var watched = organizations.Current;
        var headerWritten = false;
        foreach (var state in coverage.Current.Values)
        {
            if (state.Coverage is not { Mailboxes.Length: > 0 } snapshot || !watched.ContainsKey(state.OrganizationId))
            {
                continue;
            }

            if (!headerWritten)
            {
                await output.WriteAsync(openMetrics ? OpenMetricsHeader : TextHeader, cancellationToken);
                headerWritten = true;
            }

            var flushed = await output.WriteAsync(_rendered.GetValue(snapshot, Render), cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return;
            }
        }
    }

    private static byte[] Render(OrganizationCoverage snapshot)
    {
        Span<byte> value = stackalloc byte[ExpositionText.MaxValueLength];
        using var buffer = new MemoryStream(snapshot.Mailboxes.Length * 160);
        var open = Encoding.UTF8.GetBytes(Name + "{");
        foreach (var mailbox in snapshot.Mailboxes)
        {
            buffer.Write(open);
            buffer.Write(ExpositionText.Labels(
            [
                new("organization_id", snapshot.OrganizationId),
                new("mailbox_id", mailbox.Id),
                new("email", mailbox.Email ?? string.Empty),
            ]));
            buffer.Write("} "u8);
            var seconds = mailbox.LastCompletedAt is { } at ? at.ToUnixTimeMilliseconds() / 1000.0 : 0;
            buffer.Write(value[..ExpositionText.WriteValue(seconds, value)]);
            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }
}
