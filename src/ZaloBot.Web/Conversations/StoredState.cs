namespace ZaloBot.Web.Conversations;

/// <summary>Serialised bot state and its version (0 when the citizen has none yet).</summary>
public sealed record StoredState(string? Json, long Version);
