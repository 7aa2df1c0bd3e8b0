using System.Text;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Tests.Tokens;

public sealed class ZaloOAuthClientTests
{
    [TestCase("""{"access_token":"a","refresh_token":"r","expires_in":"90000"}""")]
    [TestCase("""{"access_token":"a","refresh_token":"r","expires_in":90000}""")]
    public void Parse_ExpiresInStringOrNumber_ReturnsGrant(string json)
    {
        var result = ZaloOAuthClient.Parse(Encoding.UTF8.GetBytes(json), 200);

        Assert.That(result.Value, Is.EqualTo(new ZaloTokenGrant("a", "r", TimeSpan.FromHours(25))));
    }

    [Test]
    public void Parse_OAuthError_IsPermanentWithDescription()
    {
        var json = """{"error":-14002,"error_name":"App not active","error_reason":"x","error_description":"Ứng dụng chưa được kích hoạt"}""";

        var result = ZaloOAuthClient.Parse(Encoding.UTF8.GetBytes(json), 200);

        Assert.That(result.Error, Is.EqualTo(new ZaloError(ZaloErrorCategory.Permanent, -14002, "Ứng dụng chưa được kích hoạt", 200)));
    }

    [Test]
    public void Parse_RateLimited_IsRetryable()
    {
        var result = ZaloOAuthClient.Parse("""{"error":-32,"message":"Your application reached limit call api"}"""u8.ToArray(), 200);

        Assert.That(result.Error?.Category, Is.EqualTo(ZaloErrorCategory.Retryable));
    }
}
