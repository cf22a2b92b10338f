namespace Watcher.Bench.Results;

/// <summary>WorkMail calls per cycle, counted at the simulator.</summary>
/// <param name="NaiveCalls">Describes in the first cycle of explicit mode: one per job, what describing every job costs.</param>
/// <param name="FirstCycle">Discovery's first cycle: pages plus a describe of every job (all new).</param>
/// <param name="WithNewJobs">A later cycle after <paramref name="NewJobs"/> jobs started.</param>
/// <param name="Steady">A later cycle with nothing new.</param>
internal sealed record EconomyResult(int NaiveCalls, CallCount FirstCycle, int NewJobs, CallCount WithNewJobs, CallCount Steady)
{
    /// <summary>ceil(listed / 100) pages plus a describe per new job.</summary>
    public int BoundWithNewJobs(int jobs) => (int)Math.Ceiling((jobs + NewJobs) / 100.0) + NewJobs;

    public int BoundSteady(int jobs) => (int)Math.Ceiling((jobs + NewJobs) / 100.0);
}
