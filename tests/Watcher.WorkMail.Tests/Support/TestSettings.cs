namespace Watcher.WorkMail.Tests.Support;

/// <summary>Client settings for loopback tests: fixed keys, one attempt unless asked, a short timeout.</summary>
public static class TestSettings
{
    public const string Region = "eu-west-1";

    public const string OrganizationId = "m-0123456789abcdef0123456789abcdef";

    public static readonly WorkMailStaticCredentials Keys = new("AKIATESTTESTTESTTEST", "testSecretKeyTestSecretKeyTestSecretKey0");

    public static WorkMailClientSettings For(Uri serviceUrl, int maxAttempts = 1) => new()
    {
        Region = Region,
        ServiceUrl = serviceUrl,
        Credentials = Keys,
        MaxAttempts = maxAttempts,
        RequestTimeout = TimeSpan.FromSeconds(5),
    };
}
