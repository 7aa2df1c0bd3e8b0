using System.Text;
using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Tests.Support;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Zalo.Tests.Webhook;

public sealed class ZaloSignatureVerifierTests
{
    private const string AppId = "3608465248940903967";
    private const string OaId = "388613280878808645";
    private const string Secret = "oa-secret-key-for-tests";

    // Independently computed: sha256(app_id + file bytes + "1718000123456" + secret) with Python's hashlib.
    private const string FixtureMac = "88345fd6fd1f065bc01300e76d62ed4791798c6563548fca682fdf1c6dabb314";
    private const string FixtureOaIdMac = "061db09dd669bd6ce8282f385719712f86f52f2eaafa702b7c9109e22d2a5226";

    private static ZaloSignatureVerifier Verifier(bool acceptOaId = false, string secret = Secret) =>
        new(Options.Create(new ZaloWebhookOptions { AppId = AppId, OaSecretKey = secret, AcceptOaIdVariant = acceptOaId }));

    [Test]
    public void Sign_RecordedPayload_MatchesIndependentVector()
    {
        Assert.That(ZaloSignature.Sign(AppId, Fixture.Bytes("user_send_text"), Secret), Is.EqualTo(FixtureMac));
    }

    [Test]
    public void Verify_ValidMac_IsValidWithAppIdVariant()
    {
        var result = Verifier().Verify("mac=" + FixtureMac, Fixture.Bytes("user_send_text"));

        Assert.That(result, Is.EqualTo(new SignatureVerificationResult(SignatureStatus.Valid, SignatureVariant.AppId, "ok")));
    }

    [Test]
    public void Verify_TamperedBody_IsMismatch()
    {
        var body = Fixture.Bytes("user_send_text");
        body[body.Length - 10] ^= 0x01;

        Assert.That(Verifier().Verify("mac=" + FixtureMac, body).Status, Is.EqualTo(SignatureStatus.Mismatch));
    }

    [Test]
    public void Verify_WrongSecret_IsMismatch()
    {
        var result = Verifier(secret: "the-app-secret-not-the-oa-secret").Verify("mac=" + FixtureMac, Fixture.Bytes("user_send_text"));

        Assert.That(result.Status, Is.EqualTo(SignatureStatus.Mismatch));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Verify_MissingHeader_IsMissingHeader(string? header)
    {
        Assert.That(Verifier().Verify(header, Fixture.Bytes("user_send_text")).Status, Is.EqualTo(SignatureStatus.MissingHeader));
    }

    [TestCase("mac=" + FixtureMac)]
    [TestCase("MAC=" + FixtureMac)]
    [TestCase("Mac = " + FixtureMac)]
    [TestCase("  mac=" + FixtureMac + "  ")]
    [TestCase(FixtureMac)]
    [TestCase("mac=88345FD6FD1F065BC01300E76D62ED4791798C6563548FCA682FDF1C6DABB314")]
    public void Verify_PrefixAndCaseVariants_AreValid(string header)
    {
        Assert.That(Verifier().Verify(header, Fixture.Bytes("user_send_text")).Status, Is.EqualTo(SignatureStatus.Valid));
    }

    [TestCase("mac=")]
    [TestCase("mac=abc")]
    [TestCase("sha256=" + FixtureMac)]
    [TestCase("mac=" + FixtureMac + "00")]
    [TestCase("mac=zz345fd6fd1f065bc01300e76d62ed4791798c6563548fca682fdf1c6dabb314")]
    public void Verify_MalformedHeader_IsMalformed(string header)
    {
        Assert.That(Verifier().Verify(header, Fixture.Bytes("user_send_text")).Status, Is.EqualTo(SignatureStatus.Malformed));
    }

    [Test]
    public void Verify_BodyWithoutTimestamp_IsMalformed()
    {
        var body = Encoding.UTF8.GetBytes("""{"event_name":"user_send_text"}""");

        Assert.That(Verifier().Verify("mac=" + FixtureMac, body).Status, Is.EqualTo(SignatureStatus.Malformed));
    }

    [Test]
    public void Verify_NumericTimestamp_UsesItsRawDigits()
    {
        var body = Encoding.UTF8.GetBytes("""{"app_id":"1","event_name":"user_send_text","timestamp":1718000123456,"sender":{"id":"9"},"recipient":{"id":"8"},"message":{"msg_id":"x","text":"a"}}""");
        var verifier = new ZaloSignatureVerifier(Options.Create(new ZaloWebhookOptions { AppId = "1", OaSecretKey = "s3cret" }));

        var result = verifier.Verify("mac=fdc7780d0294014a2d00611eb0cc083b0d85413908ff4fcbc10ab6662d2cbf98", body);

        Assert.That(result.Status, Is.EqualTo(SignatureStatus.Valid));
    }

    [Test]
    public void Verify_OaIdVariantWithFlagOff_IsMismatch()
    {
        Assert.That(Verifier().Verify("mac=" + FixtureOaIdMac, Fixture.Bytes("user_send_text")).Status, Is.EqualTo(SignatureStatus.Mismatch));
    }

    [Test]
    public void Verify_OaIdVariantWithFlagOn_IsValidAndReportsOaIdVariant()
    {
        var result = Verifier(acceptOaId: true).Verify("mac=" + FixtureOaIdMac, Fixture.Bytes("user_send_text"));

        Assert.That(result, Is.EqualTo(new SignatureVerificationResult(SignatureStatus.Valid, SignatureVariant.OaId, "ok")));
    }

    [Test]
    public void Verify_OaIdVariantOnFollowEvent_UsesTopLevelOaId()
    {
        var body = Fixture.Bytes("follow");
        var timestamp = ZaloSignature.ReadTimestamp(body)!;
        var mac = Convert.ToHexStringLower(ZaloSignature.ComputeMac(OaId, body, timestamp, Secret));

        Assert.That(Verifier(acceptOaId: true).Verify("mac=" + mac, body).Variant, Is.EqualTo(SignatureVariant.OaId));
    }

    [Test]
    public void SignHeader_ThenVerify_RoundTrips()
    {
        var body = Fixture.Bytes("user_seen_message");

        var header = ZaloSignature.SignHeader(AppId, body, Secret);

        Assert.That(Verifier().Verify(header, body).IsValid, Is.True);
    }
}
