using System.Runtime.InteropServices;

namespace Watcher.Bench.Results;

/// <summary>Where a run happened: the numbers only compare within one machine.</summary>
internal sealed record MachineInfo(int ProcessorCount, string Os, string Runtime, double LoadAverage1m)
{
    public static MachineInfo Current()
    {
        var load = File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            : double.NaN;
        return new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, load);
    }
}
