namespace ZaloBot.Web.Conversations;

/// <summary>Serialised bot state and its version (0 when the citizen has none yet), with the last turn's message id and replies.</summary>
public sealed record StoredState(string? Json, long Version, string? LastMessageId, string? LastRepliesJson);
