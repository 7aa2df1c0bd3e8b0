namespace ZaloBot.Web.BusinessDialogue;

/// <summary>A registration from chat (keyed by the confirming message) or typed in by the office. Contact only with consent.</summary>
public sealed record NewDialogueRegistration(
    long SessionId, string? ZaloUserId, string BusinessName, string Field, string? TaxCode, string? ContactName, string? ContactPhone, long? ConsentRecordId, string? SourceMessageId);
