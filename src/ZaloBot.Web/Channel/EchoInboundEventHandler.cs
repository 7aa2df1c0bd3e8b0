using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Channel;

/// <summary>
/// Stand-in until the dialog engine is wired: answers a text with "Bạn vừa gửi: …" and two buttons, other messages
/// with a short acknowledgement. Proves the path webhook → stream → worker → outbox → Zalo.
/// </summary>
public sealed class EchoInboundEventHandler : IInboundEventHandler
{
    public Task<IReadOnlyList<OutboxPayload>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxPayload> replies = turn.Event switch
        {
            UserMessageEvent { Kind: ZaloMessageKind.Text, Text: { Length: > 0 } text } =>
            [
                new OutboxPayload($"Bạn vừa gửi: {text}",
                [
                    new OutboxButton("Gửi phản ánh", "query-show", "#phan-anh"),
                    new OutboxButton("Hỏi đáp", "query-show", "#hoi-dap"),
                ]),
            ],
            UserMessageEvent m => [new OutboxPayload($"Bạn vừa gửi: [{m.Kind}] ({turn.AttachmentIds.Count} tệp đã lưu)")],
            FollowEvent => [new OutboxPayload("Cảm ơn bạn đã quan tâm UBND Quận 3.")],
            _ => [],
        };
        return Task.FromResult(replies);
    }
}
