using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Watcher.Metrics;
using Watcher.Testing;
using Watcher.Testing.Deployment;

namespace Watcher.Deploy.Tests.Docs;

/// <summary>The metric reference, docs/metrics.md: it covers every instrument the code creates and nothing else.</summary>
public sealed partial class MetricsDocTests
{
    [Fact]
    public void MetricReference_CoversEveryInstrumentTheCodeCreates()
    {
        var sources = Directory.EnumerateFiles(Repository.File("src", "Watcher"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        // OpenTelemetry instruments, found in the source, the per-job families, which are a table instead, the
        // per-mailbox family, written from the coverage snapshot, and the
        // runtime's System.Runtime meter less what Watcher leaves out.
        var instruments = sources.SelectMany(f => InstrumentName().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Name: m.Groups[1].Value)))
            .Concat(Watcher.Metrics.JobSeries.Families.Select(f => (File: "JobSeries.cs", Name: f.InstrumentName)))
            .Concat([(File: "CoverageSeriesWriter.cs", Name: Watcher.Metrics.Exposition.CoverageSeriesWriter.Name)])
            .Concat(RuntimeInstruments().Where(name => !RuntimeMeter.Dropped.Contains(name)).Select(name => (File: RuntimeMeter.Name, Name: name)))
            .Distinct()
            .ToList();
        Assert.Contains(instruments, i => i.File == RuntimeMeter.Name);
        Assert.True(instruments.Count >= 20, $"Found only {instruments.Count} instrument names in src/Watcher; the scan is broken.");

        // OpenTelemetry's Prometheus exporter: dots become underscores, then the unit and _total suffixes.
        string[] suffixes = ["", "_total", "_seconds", "_seconds_total", "_ratio", "_bytes", "_bytes_total"];
        Assert.All(instruments, instrument =>
        {
            var baseName = instrument.Name.Replace('.', '_');
            Assert.True(
                suffixes.Any(suffix => MetricReference.Names.Contains(baseName + suffix)),
                $"Instrument '{instrument.Name}' ({instrument.File}) is not in the metric reference ({MetricReference.Document}) as {baseName} with any of: {string.Join(", ", suffixes.Select(s => $"'{s}'"))}.");
        });

        // And the reference lists nothing the code no longer makes.
        Assert.All(MetricReference.Names, name => Assert.True(
            instruments.Any(i => suffixes.Any(s => i.Name.Replace('.', '_') + s == name)),
            $"The metric reference ({MetricReference.Document}) lists {name}, which no instrument in src/Watcher produces."));
    }

    /// <summary>The instruments of .NET's System.Runtime meter, which the runtime publishes to any listener.</summary>
    private static List<string> RuntimeInstruments()
    {
        var names = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Name == RuntimeMeter.Name)
            {
                names.Add(instrument.Name);
            }
        };
        listener.Start();
        return names;
    }

    // The name argument of Meter.Create*: every instrument is created with a literal "workmail...", "watcher...",
    // "process..." or "dotnet..." name.
    [GeneratedRegex(@"Create[A-Za-z]*(?:<[^>]+>)?\(\s*""((?:workmail|watcher|process|dotnet)\.[a-z_.]+)""")]
    private static partial Regex InstrumentName();
}
