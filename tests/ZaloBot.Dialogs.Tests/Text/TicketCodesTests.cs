using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Tests.Text;

public class TicketCodesTests
{
    [TestCase("PA-2026-000123")]
    [TestCase("pa2026000123")]
    [TestCase("cho mình hỏi phản ánh PA 2026 123 tới đâu rồi")]
    [TestCase("mã 000123")]
    [TestCase("Mã phản ánh: 123")]
    public void TryFind_CommonWritings_ReturnsCanonicalCode(string text)
    {
        Assert.That(TicketCodes.TryFind(text, 2026, out var code), Is.True);
        Assert.That(code, Is.EqualTo("PA-2026-000123"));
    }

    [TestCase("Làm khai sinh cần giấy tờ gì?")]
    [TestCase("nhà tôi số 123")]
    [TestCase("hồ sơ mã 123456 nộp tuần trước tới đâu rồi")]
    [TestCase("biên nhận mã 000123")]
    public void TryFind_NoCode_ReturnsFalse(string text) =>
        Assert.That(TicketCodes.TryFind(text, 2026, out _), Is.False);
}
