namespace ZaloBot.Dialogs.Engine;

/// <summary>An inbound attachment. Zalo CDN urls expire: the web app copies what a ticket keeps.</summary>
public sealed record MessageAttachment(AttachmentKind Kind, string Url, string? Name = null);
