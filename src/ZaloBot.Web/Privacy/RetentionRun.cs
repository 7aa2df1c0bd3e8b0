namespace ZaloBot.Web.Privacy;

/// <summary>What one retention pass did.</summary>
public sealed record RetentionRun(int InboxPayloads, int DeadLetters, int TranscriptLines, int OrphanAttachments, int WithdrawnContacts, int ProcessedMarkers)
{
    public int Total => InboxPayloads + DeadLetters + TranscriptLines + OrphanAttachments + WithdrawnContacts + ProcessedMarkers;
}
