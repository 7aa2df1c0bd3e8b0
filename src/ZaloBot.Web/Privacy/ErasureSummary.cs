namespace ZaloBot.Web.Privacy;

/// <summary>What handling one deletion request erased or anonymised (rows per kind); recorded in the audit trail.</summary>
public sealed record ErasureSummary(
    int TranscriptLines, int InboundEvents, int LooseFiles, int FaqVotes, int UnansweredQuestions, int TicketsAnonymised, int ConsentsWithdrawn,
    int OutboxMessages = 0)
{
    public override string ToString() =>
        $"transcript={TranscriptLines}; inbound-events={InboundEvents}; files-not-on-tickets={LooseFiles}; faq-votes={FaqVotes}; " +
        $"unanswered-unlinked={UnansweredQuestions}; tickets-contact-erased={TicketsAnonymised}; consents-withdrawn={ConsentsWithdrawn}; " +
        $"outbox-texts-erased={OutboxMessages}";
}
