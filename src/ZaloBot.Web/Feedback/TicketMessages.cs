using ZaloBot.Web.Channel;

namespace ZaloBot.Web.Feedback;

/// <summary>
/// The Zalo messages the console sends about a ticket: staff replies and status changes. The satisfaction
/// request (1–5 rating and "chưa được giải quyết") comes from the dialog engine's <c>CitizenNotices</c>,
/// whose hidden button commands ("#rate:CODE:n", "#reopen:CODE") the engine itself handles.
/// </summary>
public static class TicketMessages
{
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
        _ => null,
    };

    public static OutboxPayload Reopened(string code) => new($"Phản ánh {code} đã được mở lại và tiếp tục xử lý.");
}
