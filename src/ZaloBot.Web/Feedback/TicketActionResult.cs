namespace ZaloBot.Web.Feedback;

/// <summary>The result of a staff or citizen action on a ticket, with a Vietnamese message for the user.</summary>
public sealed record TicketActionResult(TicketActionOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome == TicketActionOutcome.Done;

    public static TicketActionResult Done(string message) => new(TicketActionOutcome.Done, message);

    public static readonly TicketActionResult NotFound = new(TicketActionOutcome.NotFound, "Không tìm thấy phản ánh.");

    public static readonly TicketActionResult Conflict = new(TicketActionOutcome.Conflict,
        "Phản ánh này vừa được người khác cập nhật. Nội dung bạn nhập chưa được lưu; vui lòng xem thay đổi mới nhất rồi thực hiện lại.");

    public static readonly TicketActionResult WindowClosed = new(TicketActionOutcome.WindowClosed,
        "Đã quá 7 ngày kể từ lần tương tác cuối của công dân nên Zalo không cho phép gửi tin. Vui lòng gọi điện và ghi nhận cuộc gọi.");

    public static TicketActionResult Invalid(string message) => new(TicketActionOutcome.Invalid, message);
}
