namespace ZaloBot.Zalo.Fake;

/// <summary>A button as the fake received it; <see cref="Payload"/> is the raw JSON of <c>payload</c>.</summary>
public sealed record FakeZaloButton(string Title, string Type, string Payload);
