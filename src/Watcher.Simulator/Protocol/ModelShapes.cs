using System.Text.RegularExpressions;

namespace Watcher.Simulator.Protocol;

/// <summary>String shapes of workmail-2017-10-01 used by the mailbox export and directory operations.</summary>
internal static partial class ModelShapes
{
    public static StringShape OrganizationId { get; } = new(34, 34, OrganizationIdRegex(), "^m-[0-9a-f]{32}$");

    public static StringShape MailboxExportJobId { get; } = new(1, 63, JobIdRegex(), "[A-Za-z0-9-]+");

    public static StringShape IdempotencyClientToken { get; } = new(1, 128, ClientTokenRegex(), @"[\x21-\x7e]+");

    public static StringShape EntityIdentifier { get; } = new(1, 256, EntityIdentifierRegex(), "[a-zA-Z0-9._%+@-]+");

    public static StringShape Description { get; } = new(0, 1023);

    public static StringShape RoleArn { get; } =
        new(20, 2048, RoleArnRegex(), "arn:aws:iam:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}");

    public static StringShape KmsKeyArn { get; } =
        new(20, 2048, KmsKeyArnRegex(), "arn:aws:kms:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}");

    public static StringShape S3BucketName { get; } = new(1, 63, S3BucketNameRegex(), "[A-Za-z0-9.-]+");

    public static StringShape S3ObjectKey { get; } = new(1, 1023, S3ObjectKeyRegex(), "[A-Za-z0-9!_.*'()/-]+");

    public static StringShape MailboxExportErrorInfo { get; } = new(1, 1024);

    public static StringShape NextToken { get; } = new(1, 1024);

    public static StringShape WorkMailIdentifier { get; } = new(12, 256);

    public static StringShape EmailAddress { get; } =
        new(1, 254, EmailAddressRegex(), @"[a-zA-Z0-9._%+-]{1,64}@[a-zA-Z0-9.-]+\.[a-zA-Z-]{2,}");

    public static StringShape UserName { get; } =
        new(1, 64, UserNameRegex(), @"[\w\-.]+(@[a-zA-Z0-9.\-]+\.[a-zA-Z0-9-]{2,})?");

    public static StringShape ResourceName { get; } =
        new(1, 20, UserNameRegex(), @"[\w\-.]+(@[a-zA-Z0-9.\-]+\.[a-zA-Z0-9-]{2,})?");

    public static StringShape ResourceDescription { get; } = new(1, 64);

    public static StringShape String256 { get; } = new(0, 256);

    // \z rather than $: $ would also accept a trailing newline.
    [GeneratedRegex(@"\Am-[0-9a-f]{32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex OrganizationIdRegex();

    [GeneratedRegex(@"\A[A-Za-z0-9-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex JobIdRegex();

    [GeneratedRegex(@"\A[\x21-\x7e]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClientTokenRegex();

    [GeneratedRegex(@"\A[a-zA-Z0-9._%+@-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex EntityIdentifierRegex();

    [GeneratedRegex(@"\Aarn:aws:iam:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnRegex();

    [GeneratedRegex(@"\Aarn:aws:kms:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KmsKeyArnRegex();

    [GeneratedRegex(@"\A[A-Za-z0-9.-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex S3BucketNameRegex();

    [GeneratedRegex(@"\A[A-Za-z0-9!_.*'()/-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex S3ObjectKeyRegex();

    [GeneratedRegex(@"\A[a-zA-Z0-9._%+-]{1,64}@[a-zA-Z0-9.-]+\.[a-zA-Z-]{2,}\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddressRegex();

    // UserName and ResourceName share the pattern; only their lengths differ. The model's \w is Java's, ASCII only.
    [GeneratedRegex(@"\A[A-Za-z0-9_\-.]+(@[a-zA-Z0-9.\-]+\.[a-zA-Z0-9-]{2,})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex UserNameRegex();
}
