namespace ZaloBot.Dialogs.Ports;

/// <summary>The side-effect ports the citizen conversations need; the web app implements them.</summary>
public sealed record BotPorts(IFeedbackDesk FeedbackDesk, IStaffDesk StaffDesk, ICitizenSignals Signals, IFaqCatalog Faq);
