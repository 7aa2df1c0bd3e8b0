namespace ZaloBot.Web.Outbox;

/// <summary>What a held row is, read from its idempotency key and ticket (the keys are set where the rows are queued).</summary>
public enum HeldKind
{
    /// <summary><c>reply:{key}</c> with a ticket: a staff reply from the ticket page.</summary>
    TicketReply,

    /// <summary>Any other row of a ticket: a status notice, the satisfaction request, a reopening notice.</summary>
    TicketNotice,

    /// <summary><c>handoff:{id}:{key}</c>: a staff line in a live chat (Console/Handoffs).</summary>
    HandoffReply,

    /// <summary><c>staff-zalo:…</c>: a notice to a staff member's own Zalo.</summary>
    StaffNotice,

    /// <summary><c>cchc:{post}:{user}</c>: a pushed CCHC post.</summary>
    CchcPost,

    /// <summary><c>dialogue-answer:{id}</c>: an answer to a business-dialogue question.</summary>
    DialogueAnswer,

    Other,
}
