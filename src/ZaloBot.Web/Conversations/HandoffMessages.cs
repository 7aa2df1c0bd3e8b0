using ZaloBot.Web.Channel;

namespace ZaloBot.Web.Conversations;

/// <summary>What the citizen is told when staff take over the chat and when they hand it back to the bot.</summary>
public static class HandoffMessages
{
    public static OutboxPayload Taken(string staffName) =>
        new($"Cán bộ {staffName} của UBND Quận 3 đang trò chuyện trực tiếp với Ông/Bà.");

    public static OutboxPayload Closed() =>
        new("Cuộc trò chuyện với cán bộ đã kết thúc. Trợ lý tự động tiếp tục hỗ trợ Ông/Bà. Cảm ơn Ông/Bà.");
}
