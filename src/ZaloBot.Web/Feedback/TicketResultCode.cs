namespace ZaloBot.Web.Feedback;

/// <summary>What a ticket action answered; each code has one Vietnamese text in content/tickets.vi.yaml (<see cref="TicketTexts"/>).</summary>
public enum TicketResultCode
{
    NotFound,
    Conflict,
    WindowClosed,

    // Citizen actions from the chat.
    StarsOutOfRange,
    NotAnsweredYet,
    Rated,
    StillInProgress,
    ReopenedByCitizen,

    // Staff actions in the console.
    MoveNotAllowed,
    ReasonRequired,
    StatusChanged,
    UnitInvalid,
    AssignOnlyOpen,
    Assigned,
    NoteEmpty,
    NoteAdded,
    ReplyEmpty,
    CannotMarkAnswered,
    ReplySent,
    ReplySentAndAnswered,
    ReplyAlreadySent,
    CallSummaryEmpty,
    CallRecorded,
    AlreadyOpen,
    Reopened,
}
