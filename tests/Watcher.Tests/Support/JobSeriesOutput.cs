using System.IO.Pipelines;
using System.Text;
using Watcher.Metrics.Exposition;

namespace Watcher.Tests.Support;

/// <summary>Runs a <see cref="JobSeriesWriter"/> into memory, as a scrape would, and returns the text.</summary>
internal static class JobSeriesOutput
{
    public static async Task<string> RenderAsync(JobSeriesWriter writer, bool openMetrics = false)
    {
        using var buffer = new MemoryStream();
        var pipe = PipeWriter.Create(buffer, new StreamPipeWriterOptions(leaveOpen: true));
        await writer.WriteAsync(pipe, openMetrics, CancellationToken.None);
        await pipe.CompleteAsync();
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
