using System.Globalization;

namespace Watcher.Check;

/// <summary>Writes the results as a table, then each problem with its hint.</summary>
internal static class CheckReport
{
    private static readonly string[] Headers = ["KIND", "ORGANIZATION", "REGION", "JOB", "STATE", "PROGRESS", "RESULT"];

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<CheckResult> results)
    {
        var rows = results.Select(r => new[] { r.Kind, r.Organization, r.Region, r.Subject, r.State, r.Progress, r.ErrorCode ?? "ok" }).ToList();
        var widths = Headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        await output.WriteLineAsync(Line(Headers, widths));
        foreach (var row in rows)
        {
            await output.WriteLineAsync(Line(row, widths));
        }

        var failed = results.Where(r => !r.Succeeded).ToList();
        if (failed.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Problems:");
            foreach (var result in failed)
            {
                await output.WriteLineAsync($"  {result.Kind} {result.Organization} {result.Subject}: {result.ErrorCode}: {result.ErrorMessage}");
                await output.WriteLineAsync($"    hint: {result.Hint}");
            }
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{results.Count - failed.Count} of {Plural.Of(results.Count, "check")} passed."));
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
