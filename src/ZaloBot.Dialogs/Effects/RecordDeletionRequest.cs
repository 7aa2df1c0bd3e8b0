namespace ZaloBot.Dialogs.Effects;

/// <summary>"Xóa dữ liệu của tôi": a deletion request for the office (one open request per citizen).</summary>
public sealed record RecordDeletionRequest(string ZaloUserId) : TurnEffect;
