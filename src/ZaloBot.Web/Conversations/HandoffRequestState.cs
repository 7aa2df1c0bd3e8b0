namespace ZaloBot.Web.Conversations;

/// <summary>Where a citizen's request for staff stands in the console's live chat (the dialog engine keeps its own <c>HandoffState</c> in the user state).</summary>
public enum HandoffRequestState
{
    Waiting = 0,
    Active = 1,
    Closed = 2,
}
