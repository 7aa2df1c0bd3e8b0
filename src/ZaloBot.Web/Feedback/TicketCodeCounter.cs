namespace ZaloBot.Web.Feedback;

/// <summary>Per-year sequence behind ticket codes, incremented atomically with INSERT … ON CONFLICT … RETURNING.</summary>
public sealed class TicketCodeCounter
{
    public int Year { get; set; }

    public int LastValue { get; set; }
}
