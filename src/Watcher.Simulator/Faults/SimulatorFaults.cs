using System.Collections.Frozen;
using Watcher.Simulator.Operations;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator;

/// <summary>Fault switches. Thread-safe; a change applies from the next request on.</summary>
public sealed class SimulatorFaults(int seed = SimulatorFaults.DefaultSeed)
{
    public const int DefaultSeed = 20171001;

    private readonly Lock _gate = new();
    private Random _random = new(seed);
    private double _throttleRatio;
    private double _serverErrorRatio;
    private TimeSpan _addedLatency;
    private bool _nextServerErrorIsUnavailable;
    private CredentialFault _credentialFault;
    private ResponseFault _responseFault;
    private string? _responseFaultJobId;
    private FrozenSet<string> _deniedOperations = FrozenSet<string>.Empty;

    /// <summary>0..1: share of requests answered 400 ThrottlingException.</summary>
    public double ThrottleRatio
    {
        get { lock (_gate) { return _throttleRatio; } }
        set { var ratio = CheckRatio(value); lock (_gate) { _throttleRatio = ratio; } }
    }

    /// <summary>0..1: share of requests answered 500 InternalFailure or 503 ServiceUnavailable, alternately.</summary>
    public double ServerErrorRatio
    {
        get { lock (_gate) { return _serverErrorRatio; } }
        set { var ratio = CheckRatio(value); lock (_gate) { _serverErrorRatio = ratio; } }
    }

    /// <summary>Real-time delay before each answer.</summary>
    public TimeSpan AddedLatency
    {
        get { lock (_gate) { return _addedLatency; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate) { _addedLatency = value; }
        }
    }

    /// <summary>
    /// Answers every WorkMail request 403 UnrecognizedClientException, as AWS does for revoked or deleted keys,
    /// even though the signature verified. The same switch as <see cref="CredentialFault"/> =
    /// <see cref="Simulator.CredentialFault.UnrecognizedClient"/>: true sets it; false switches every credential fault off.
    /// </summary>
    public bool RejectCredentials
    {
        get { lock (_gate) { return _credentialFault == CredentialFault.UnrecognizedClient; } }
        set { lock (_gate) { _credentialFault = value ? CredentialFault.UnrecognizedClient : CredentialFault.None; } }
    }

    /// <summary>
    /// Answers every WorkMail request whose signature verified with the given 403 credential error
    /// (UnrecognizedClientException, ExpiredTokenException or AccessDeniedException). STS is not affected.
    /// </summary>
    public CredentialFault CredentialFault
    {
        get { lock (_gate) { return _credentialFault; } }
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown credential fault.");
            }

            lock (_gate) { _credentialFault = value; }
        }
    }

    /// <summary>
    /// Spoils successful DescribeMailboxExportJob and ListMailboxExportJobs answers (see <see cref="Simulator.ResponseFault"/>).
    /// The operation itself still runs; the log records status 200 and <see cref="SimulatorRequest.ResponseFault"/>.
    /// </summary>
    public ResponseFault ResponseFault
    {
        get { lock (_gate) { return _responseFault; } }
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown response fault.");
            }

            lock (_gate) { _responseFault = value; }
        }
    }

    /// <summary>
    /// When set, <see cref="ResponseFault"/> applies only to this job: Describe of this JobId, and List pages that
    /// contain it (member faults then change only its entry). Null: every Describe and every List page.
    /// </summary>
    public string? ResponseFaultJobId
    {
        get { lock (_gate) { return _responseFaultJobId; } }
        set { lock (_gate) { _responseFaultJobId = value; } }
    }

    /// <summary>
    /// WorkMail operations answered 403 AccessDeniedException, as an IAM policy that leaves out their actions does;
    /// every other operation works. Wire names, e.g. <c>ListUsers</c>; an unknown name is an <see cref="ArgumentException"/>.
    /// Checked after <see cref="CredentialFault"/>, which applies to every operation.
    /// </summary>
    public IReadOnlySet<string> DeniedOperations
    {
        get { lock (_gate) { return _deniedOperations; } }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.FirstOrDefault(o => !OperationDispatcher.IsKnown(o)) is { } unknown)
            {
                throw new ArgumentException($"{unknown} is not a WorkMail operation the simulator serves.", nameof(value));
            }

            var denied = value.ToFrozenSet(StringComparer.Ordinal);
            lock (_gate) { _deniedOperations = denied; }
        }
    }

    /// <summary>Switches every fault off and restarts the random sequence, so a test run repeats.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _throttleRatio = 0;
            _serverErrorRatio = 0;
            _addedLatency = TimeSpan.Zero;
            _nextServerErrorIsUnavailable = false;
            _credentialFault = CredentialFault.None;
            _responseFault = ResponseFault.None;
            _responseFaultJobId = null;
            _deniedOperations = FrozenSet<string>.Empty;
            _random = new Random(seed);
        }
    }

    /// <summary>The fault to answer the current request with, or null.</summary>
    internal AwsError? NextFault(string operation)
    {
        lock (_gate)
        {
            switch (_credentialFault)
            {
                case CredentialFault.UnrecognizedClient:
                    return AwsErrors.UnrecognizedClient();
                case CredentialFault.ExpiredToken:
                    return AwsErrors.ExpiredToken();
                case CredentialFault.AccessDenied:
                    return AwsErrors.AccessDenied(operation);
            }

            if (_deniedOperations.Contains(operation))
            {
                return AwsErrors.AccessDenied(operation);
            }

            if (_throttleRatio > 0 && _random.NextDouble() < _throttleRatio)
            {
                return AwsErrors.Throttling();
            }

            if (_serverErrorRatio > 0 && _random.NextDouble() < _serverErrorRatio)
            {
                var unavailable = _nextServerErrorIsUnavailable;
                _nextServerErrorIsUnavailable = !unavailable;
                return unavailable ? AwsErrors.ServiceUnavailable() : AwsErrors.InternalFailure();
            }

            return null;
        }
    }

    /// <summary>The response fault and its job filter, read together.</summary>
    internal (ResponseFault Fault, string? JobId) CurrentResponseFault()
    {
        lock (_gate)
        {
            return (_responseFault, _responseFaultJobId);
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
