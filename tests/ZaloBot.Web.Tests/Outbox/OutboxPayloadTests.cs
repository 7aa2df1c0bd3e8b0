using ZaloBot.Dialogs.Engine;
using ZaloBot.Web.Outbox;

namespace ZaloBot.Web.Tests.Outbox;

public sealed class OutboxPayloadTests
{
    [Test]
    public void FromReply_WithAZaloForm_SendsTheConsentTextFirstThenTheForm()
    {
        var reply = OutgoingMessage.Create(
            "Khi gửi, bạn đồng ý để UBND Quận 3 dùng họ tên và số điện thoại này chỉ để xử lý phản ánh.",
            [MessageButton.Show("Bỏ qua")],
            new UserInfoRequest("Thông tin liên hệ cho phản ánh", "Chia sẻ họ tên và số điện thoại"),
            null);

        var payloads = OutboxPayload.FromReply(reply);

        Assert.That(payloads, Has.Count.EqualTo(2));
        Assert.That(payloads[0].Text, Does.Contain("bạn đồng ý"));
        Assert.That(payloads[0].Buttons!.Select(b => (b.Title, b.Kind, b.Payload)), Is.EqualTo(new[] { ("Bỏ qua", "query-show", "Bỏ qua") }));
        Assert.That(payloads[0].RequestUserInfo, Is.Null);
        Assert.That(payloads[1].RequestUserInfo, Is.EqualTo(new OutboxForm("Thông tin liên hệ cho phản ánh", "Chia sẻ họ tên và số điện thoại")));
    }

    [Test]
    public void FromReply_HiddenButton_KeepsItsCommandPayload() =>
        Assert.That(OutboxPayload.FromReply(OutgoingMessage.Create("Đánh giá", [MessageButton.Hidden("5 ⭐", "#rate:PA-2026-000001:5")]))
            .Single().Buttons!.Single(), Is.EqualTo(new OutboxButton("5 ⭐", "query-hide", "#rate:PA-2026-000001:5")));
}
