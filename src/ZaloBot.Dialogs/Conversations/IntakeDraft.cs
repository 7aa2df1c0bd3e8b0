using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>
/// A feedback being written: what the citizen said so far, slot by slot. Every message fills what it can; the intake
/// asks only for what is missing or doubtful. Lives in the intake's dialog state while it runs, and in
/// <see cref="ConversationState.Draft"/> for <see cref="BotOptions.DraftLifetime"/> when the citizen leaves it.
/// Holds personal data (description, phone): stored with the conversation state, never logged.
/// </summary>
public sealed class IntakeDraft
{
    public string? CategoryCode { get; set; }

    public string? CategoryLabel { get; set; }

    /// <summary>True when the category came from the citizen's words, not a button (the summary says so).</summary>
    public bool CategoryInferred { get; set; }

    /// <summary>Categories the words point to equally: asked first.</summary>
    public List<string> CategoryCandidates { get; set; } = [];

    public string? WardCode { get; set; }

    public string? WardName { get; set; }

    public bool WardInferred { get; set; }

    /// <summary>Wards of a street that runs through several: the only buttons of the ward question.</summary>
    public List<string> WardCandidates { get; set; } = [];

    /// <summary>The street the ward was inferred from (or that left it doubtful).</summary>
    public string? Street { get; set; }

    /// <summary>A typed address found in the text ("hẻm 50 Trần Quốc Thảo").</summary>
    public string? Address { get; set; }

    public string? Description { get; set; }

    public List<MessageAttachment> Photos { get; set; } = [];

    public GeoLocation? Location { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>The contact question (with its consent text) was asked and answered or skipped.</summary>
    public bool ContactAsked { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Category, ward and description are known: the draft can become a ticket.</summary>
    public bool IsComplete => CategoryCode is not null && WardCode is not null && !string.IsNullOrWhiteSpace(Description);
}
