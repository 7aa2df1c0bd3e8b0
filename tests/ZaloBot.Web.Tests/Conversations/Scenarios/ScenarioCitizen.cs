namespace ZaloBot.Web.Tests.Conversations.Scenarios;

/// <summary>
/// The citizen's intent, used only to answer the questions the bot asks (as a person who knows what they want would):
/// the category and ward are tapped by their label, the description is typed, photos, location and contact are skipped,
/// the summary is confirmed.
/// </summary>
public sealed class ScenarioCitizen
{
    /// <summary>Category code (<c>content/organisation.yaml</c>), e.g. <c>ha-tang</c>.</summary>
    public string? Category { get; set; }

    /// <summary>Ward code, e.g. <c>phuong-9</c>.</summary>
    public string? Ward { get; set; }

    /// <summary>Typed when the bot asks for a description (default: the scenario's first line, typed again).</summary>
    public string? Description { get; set; }
}
