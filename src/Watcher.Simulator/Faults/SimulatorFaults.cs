using Watcher.Simulator.Protocol;

namespace Watcher.Simulator;

/// <summary>Fault switches. Thread-safe; a change applies from the next request on.</summary>
public sealed class SimulatorFaults(int seed = SimulatorFaults.DefaultSeed)
{
    public const int DefaultSeed = 20171001;

    private readonly Lock gate = new();
    private Random random = new(seed);
    private double throttleRatio;
    private double serverErrorRatio;
    private TimeSpan addedLatency;
    private bool nextServerErrorIsUnavailable;
    private bool rejectCredentials;

    /// <summary>0..1: share of requests answered 400 ThrottlingException.</summary>
    public double ThrottleRatio
    {
        get { lock (gate) { return throttleRatio; } }
        set { var ratio = CheckRatio(value); lock (gate) { throttleRatio = ratio; } }
    }

    /// <summary>0..1: share of requests answered 500 InternalFailure or 503 ServiceUnavailable, alternately.</summary>
    public double ServerErrorRatio
    {
        get { lock (gate) { return serverErrorRatio; } }
        set { var ratio = CheckRatio(value); lock (gate) { serverErrorRatio = ratio; } }
    }

    /// <summary>Real-time delay before each answer.</summary>
    public TimeSpan AddedLatency
    {
        get { lock (gate) { return addedLatency; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (gate) { addedLatency = value; }
        }
    }

    /// <summary>Switches every fault off and restarts the random sequence, so a test run repeats.</summary>
    /// <summary>
    /// Answers every WorkMail request 403 UnrecognizedClientException, as AWS does for revoked or deleted keys,
    /// even though the signature verified.
    /// </summary>
    public bool RejectCredentials
    {
        get { lock (gate) { return rejectCredentials; } }
        set { lock (gate) { rejectCredentials = value; } }
    }

    public void Reset()
    {
        lock (gate)
        {
            throttleRatio = 0;
            serverErrorRatio = 0;
            addedLatency = TimeSpan.Zero;
            nextServerErrorIsUnavailable = false;
            rejectCredentials = false;
            random = new Random(seed);
        }
    }

    /// <summary>The fault to answer the current request with, or null.</summary>
    internal AwsError? NextFault()
    {
        lock (gate)
        {
            if (rejectCredentials)
            {
                return AwsErrors.UnrecognizedClient();
            }

            if (throttleRatio > 0 && random.NextDouble() < throttleRatio)
            {
                return AwsErrors.Throttling();
            }

            if (serverErrorRatio > 0 && random.NextDouble() < serverErrorRatio)
            {
                var unavailable = nextServerErrorIsUnavailable;
                nextServerErrorIsUnavailable = !unavailable;
                return unavailable ? AwsErrors.ServiceUnavailable() : AwsErrors.InternalFailure();
            }

            return null;
        }
    }

    private static double CheckRatio(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A ratio must be between 0 and 1.");
        }

        return value;
    }
}
