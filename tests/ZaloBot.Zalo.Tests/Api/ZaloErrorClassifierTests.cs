using ZaloBot.Zalo.Api;

namespace ZaloBot.Zalo.Tests.Api;

public sealed class ZaloErrorClassifierTests
{
    [TestCase(-32, ZaloErrorCategory.Retryable)]
    [TestCase(-100, ZaloErrorCategory.Retryable)]
    [TestCase(-200, ZaloErrorCategory.Retryable)]
    [TestCase(-216, ZaloErrorCategory.TokenExpired)]
    [TestCase(-220, ZaloErrorCategory.TokenExpired)]
    [TestCase(-213, ZaloErrorCategory.OutsideWindow)]
    [TestCase(-217, ZaloErrorCategory.OutsideWindow)]
    [TestCase(-227, ZaloErrorCategory.OutsideWindow)]
    [TestCase(-230, ZaloErrorCategory.OutsideWindow)]
    [TestCase(-232, ZaloErrorCategory.OutsideWindow)]
    [TestCase(-234, ZaloErrorCategory.OutsideWindow)]
    [TestCase(-244, ZaloErrorCategory.OutsideWindow)]
    [TestCase(-201, ZaloErrorCategory.Permanent)]
    [TestCase(-210, ZaloErrorCategory.Permanent)]
    [TestCase(-240, ZaloErrorCategory.Permanent)]
    [TestCase(-124, ZaloErrorCategory.Permanent)]
    public void Classify_Code_MapsToCategory(int code, ZaloErrorCategory expected)
    {
        Assert.That(ZaloErrorClassifier.Classify(code), Is.EqualTo(expected));
    }

    [TestCase(500, ZaloErrorCategory.Retryable)]
    [TestCase(503, ZaloErrorCategory.Retryable)]
    [TestCase(429, ZaloErrorCategory.Retryable)]
    [TestCase(408, ZaloErrorCategory.Retryable)]
    [TestCase(404, ZaloErrorCategory.Permanent)]
    [TestCase(400, ZaloErrorCategory.Permanent)]
    public void ClassifyHttpStatus_Status_MapsToCategory(int status, ZaloErrorCategory expected)
    {
        Assert.That(ZaloErrorClassifier.ClassifyHttpStatus(status), Is.EqualTo(expected));
    }
}
