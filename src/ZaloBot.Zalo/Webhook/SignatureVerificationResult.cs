namespace ZaloBot.Zalo.Webhook;

/// <summary>Result of <see cref="ZaloSignatureVerifier.Verify"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Variant">Which formula matched (<see cref="SignatureVariant.None"/> unless valid).</param>
/// <param name="Reason">A short English reason for logs; never contains the secret or the body.</param>
public sealed record SignatureVerificationResult(SignatureStatus Status, SignatureVariant Variant, string Reason)
{
    public bool IsValid => Status == SignatureStatus.Valid;

    internal static SignatureVerificationResult Missing() =>
        new(SignatureStatus.MissingHeader, SignatureVariant.None, "X-ZEvent-Signature header is missing");

    internal static SignatureVerificationResult Malformed(string reason) =>
        new(SignatureStatus.Malformed, SignatureVariant.None, reason);

    internal static SignatureVerificationResult Mismatch() =>
        new(SignatureStatus.Mismatch, SignatureVariant.None, "MAC does not match");

    internal static SignatureVerificationResult Valid(SignatureVariant variant) =>
        new(SignatureStatus.Valid, variant, "ok");
}
