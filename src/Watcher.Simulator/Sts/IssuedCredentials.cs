using System.Security.Cryptography;
using System.Text;

namespace Watcher.Simulator.Sts;

/// <summary>Every temporary key pair AssumeRole issued, so that SigV4 checks can accept them. Thread-safe.</summary>
internal sealed class IssuedCredentials(TimeProvider timeProvider)
{
    private const string UpperAlphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, IssuedCredential> _issued = new(StringComparer.Ordinal);

    public TimeProvider TimeProvider { get; } = timeProvider;

    public IssuedCredential Issue(string roleArn, string sessionName, TimeSpan duration)
    {
        var roleName = RoleArns.NameOf(roleArn);
        var credential = new IssuedCredential(
            "ASIA" + RandomNumberGenerator.GetString(UpperAlphanumerics, 16),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)),
            "SimulatorSessionToken/" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)),
            TimeProvider.GetUtcNow() + duration,
            roleArn,
            $"arn:aws:sts::{RoleArns.AccountOf(roleArn)}:assumed-role/{roleName}/{sessionName}",
            $"{RoleId(roleArn)}:{sessionName}");
        lock (_gate)
        {
            _issued.Add(credential.AccessKeyId, credential);
        }

        return credential;
    }

    public IssuedCredential? Find(string accessKeyId)
    {
        lock (_gate)
        {
            return _issued.GetValueOrDefault(accessKeyId);
        }
    }

    // Real role ids are stable per role; derive one from the ARN so that repeated sessions agree.
    private static string RoleId(string roleArn)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(roleArn));
        var id = new StringBuilder("AROA", 21);
        for (var i = 0; i < 17; i++)
        {
            id.Append(UpperAlphanumerics[hash[i] % UpperAlphanumerics.Length]);
        }

        return id.ToString();
    }
}
