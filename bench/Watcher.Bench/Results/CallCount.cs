namespace Watcher.Bench.Results;

internal sealed record CallCount(int List, int Describe)
{
    public int Total => List + Describe;
}
