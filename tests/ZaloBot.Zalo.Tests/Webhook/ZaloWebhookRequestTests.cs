using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Events;
using ZaloBot.Zalo.Tests.Support;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Zalo.Tests.Webhook;

public sealed class ZaloWebhookRequestTests
{
    private static DefaultHttpContext Request(byte[] body, string? signature, string? numRetry = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        if (signature is not null) context.Request.Headers[ZaloSignature.HeaderName] = signature;
        if (numRetry is not null) context.Request.Headers["num_retry"] = numRetry;
        return context;
    }

    [Test]
    public async Task ReadAsync_SignedRequest_VerifiesAndParsesLikeTheEndpointWill()
    {
        var body = Fixture.Bytes("user_send_image");
        var header = ZaloSignature.SignHeader("3608465248940903967", body, "oa-secret");
        var verifier = new ZaloSignatureVerifier(Options.Create(new ZaloWebhookOptions { AppId = "3608465248940903967", OaSecretKey = "oa-secret" }));

        var (request, _) = await ZaloWebhookRequest.ReadAsync(Request(body, header, "2").Request);
        var verification = verifier.Verify(request!.Signature, request.Body);
        var evt = ZaloEventParser.Parse(request.Body);

        Assert.That((verification.Status, request.RetryCount, evt.DedupeKey), Is.EqualTo((SignatureStatus.Valid, 2, "a1b2c3d4e5f60718293a")));
    }

    [Test]
    public async Task ReadAsync_NoHeaders_HasNullSignatureAndZeroRetries()
    {
        var (request, _) = await ZaloWebhookRequest.ReadAsync(Request("{}"u8.ToArray(), null).Request);

        Assert.That((request!.Signature, request.RetryCount), Is.EqualTo(((string?)null, 0)));
    }

    [Test]
    public async Task ReadAsync_BodyOverLimit_ReturnsNull()
    {
        var (request, failure) = await ZaloWebhookRequest.ReadAsync(Request(new byte[2048], "mac=x").Request, maxBodyBytes: 1024);

        Assert.That((request, failure), Is.EqualTo(((ZaloWebhookRequest?)null, ZaloWebhookReadFailure.TooLarge)));
    }

    [Test]
    public async Task ReadAsync_BrokenFraming_ReportsMalformedInsteadOfThrowing()
    {
        var context = Request([], "mac=x");
        context.Request.ContentLength = null;
        context.Request.Body = new FailingStream(new BadHttpRequestException("Bad chunk size data.", StatusCodes.Status400BadRequest));

        var (request, failure) = await ZaloWebhookRequest.ReadAsync(context.Request);

        Assert.That((request, failure), Is.EqualTo(((ZaloWebhookRequest?)null, ZaloWebhookReadFailure.Malformed)));
    }

    [Test]
    public async Task ReadAsync_ConnectionResetMidBody_ReportsMalformed()
    {
        var context = Request([], "mac=x");
        context.Request.Body = new FailingStream(new IOException("connection reset"));

        var (_, failure) = await ZaloWebhookRequest.ReadAsync(context.Request);

        Assert.That(failure, Is.EqualTo(ZaloWebhookReadFailure.Malformed));
    }

    /// <summary>A request body that fails the way Kestrel's does on broken chunked framing.</summary>
    private sealed class FailingStream(Exception failure) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(failure);
    }
}
