namespace ZaloBot.Dialogs.Ports;

/// <summary>The read-only lookups the citizen conversations need; the web app implements them. Writes are effects (see <c>Effects/</c>).</summary>
public sealed record BotPorts(IFeedbackDesk FeedbackDesk, IStaffDesk StaffDesk, IFaqCatalog Faq);
