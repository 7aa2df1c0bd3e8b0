using ZaloBot.Web.Channel;

namespace ZaloBot.Web.Feedback;

/// <summary>
/// The Zalo messages the console sends about a ticket, and the button payloads the citizen sends back.
/// This is the one place for their formats (documented in docs/console.md); the dialog engine parses
/// the payloads with <see cref="TryParseRating"/> and <see cref="TryParseReopen"/>.
/// </summary>
public static class TicketMessages
{
    /// <summary>Button payload for a rating: "#rate PA-2026-000123 5" (1–5). Sent back as ordinary text (oa.query.show).</summary>
    public const string RatePrefix = "#rate ";

    /// <summary>Button payload for "not resolved": "#reopen PA-2026-000123".</summary>
    public const string ReopenPrefix = "#reopen ";

    public static string RatePayload(string code, int stars) => $"{RatePrefix}{code} {stars}";

    public static string ReopenPayload(string code) => $"{ReopenPrefix}{code}";

    public static bool TryParseRating(string text, out string code, out int stars)
    {
        code = "";
        stars = 0;
        if (text is null || !text.StartsWith(RatePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[RatePrefix.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out stars) || stars is < 1 or > 5)
        {
            stars = 0;
            return false;
        }

        code = parts[0];
        return true;
    }

    public static bool TryParseReopen(string text, out string code)
    {
        code = "";
        if (text is null || !text.StartsWith(ReopenPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        code = text[ReopenPrefix.Length..].Trim();
        return code.Length > 0 && !code.Contains(' ', StringComparison.Ordinal);
    }

    /// <summary>Staff reply: the text as written, headed by the ticket code so the citizen knows what it answers.</summary>
    public static OutboxPayload Reply(string code, string text) => new($"Trả lời phản ánh {code}:\n{text}");

    /// <summary>Short notification of a status change (null when the change is not worth a message).</summary>
    public static OutboxPayload? StatusChanged(string code, TicketStatus to, string? reason) => to switch
    {
        TicketStatus.Accepted => new($"Phản ánh {code} của Ông/Bà đã được thụ lý và đang được xem xét."),
        TicketStatus.InProgress => new($"Phản ánh {code} của Ông/Bà đang được đơn vị chức năng xử lý."),
        TicketStatus.Closed => new($"Phản ánh {code} đã được đóng. Cảm ơn Ông/Bà đã phản ánh."),
        TicketStatus.Rejected => new($"Phản ánh {code} không được thụ lý. Lý do: {reason}"),
        TicketStatus.Transferred => new($"Phản ánh {code} đã được chuyển đến cơ quan có thẩm quyền. Ghi chú: {reason}"),
        TicketStatus.Answered => RatingRequest(code),
        _ => null,
    };

    /// <summary>Zalo allows at most 5 buttons per message: the five stars go here, "not resolved" in <see cref="NotResolvedOffer"/>.</summary>
    public static OutboxPayload RatingRequest(string code) => new(
        $"Phản ánh {code} đã được trả lời. Mời Ông/Bà đánh giá mức độ hài lòng (5 là rất hài lòng):",
        [
            new OutboxButton("5 - Rất hài lòng", "query-show", RatePayload(code, 5)),
            new OutboxButton("4 - Hài lòng", "query-show", RatePayload(code, 4)),
            new OutboxButton("3 - Bình thường", "query-show", RatePayload(code, 3)),
            new OutboxButton("2 - Chưa hài lòng", "query-show", RatePayload(code, 2)),
            new OutboxButton("1 - Không hài lòng", "query-show", RatePayload(code, 1)),
        ]);

    public static OutboxPayload NotResolvedOffer(string code) => new(
        $"Nếu vấn đề trong phản ánh {code} chưa được giải quyết, Ông/Bà bấm nút dưới đây.",
        [new OutboxButton("Chưa được giải quyết", "query-show", ReopenPayload(code))]);

    public static OutboxPayload Reopened(string code) => new($"Phản ánh {code} đã được mở lại và tiếp tục xử lý.");
}
