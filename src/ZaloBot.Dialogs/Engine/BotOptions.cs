namespace ZaloBot.Dialogs.Engine;

/// <summary>Engine and flow settings (section "Bot" in the host's configuration). Call <see cref="Validate"/> on start.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>A conversation idle longer than this starts fresh. 30 minutes: long enough to find a photo or a code, short enough that a half-finished form is not resumed the next day.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A feedback draft left idle is kept this long and offered back when the citizen returns. 24 hours: a citizen who
    /// went to take a photo, or to work, comes back the same day or the next morning; after that it is stale.
    /// </summary>
    public TimeSpan DraftLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Invalid answers to one prompt before the flow gives up politely (the intake explains once more and offers a person instead).</summary>
    public int MaxPromptAttempts { get; set; } = 3;

    /// <summary>Photos accepted per feedback.</summary>
    public int MaxPhotos { get; set; } = 3;

    /// <summary>A description shorter than this cannot be acted upon ("đường hư" says nothing of where or what).</summary>
    public int DescriptionMinLength { get; set; } = 20;

    /// <summary>Keeps the summary and the ticket readable; Zalo itself allows 2,000 characters per message.</summary>
    public int DescriptionMaxLength { get; set; } = 1500;

    /// <summary>Messages per <see cref="RateLimitWindow"/> before the bot stops answering a flooding user.</summary>
    public int RateLimitMaxMessages { get; set; } = 15;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tickets shown by "check my feedback" (one button each, Zalo allows 5).</summary>
    public int MaxTicketsListed { get; set; } = 5;

    /// <summary>A live request nobody took within this time no longer blocks a new one. Two hours: longer than any queue the office expects in working hours.</summary>
    public TimeSpan HandoffWaitTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Safety valve when the web app never reports <see cref="ActivityType.StaffReleased"/>: if the
    /// citizen writes after this long without a message, the bot speaks again. Twelve hours spans
    /// a working day, so a conversation with staff is never cut in the middle.
    /// </summary>
    public TimeSpan HandoffIdleRelease { get; set; } = TimeSpan.FromHours(12);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (IdleTimeout <= TimeSpan.Zero)
        {
            errors.Add("Bot:IdleTimeout must be positive.");
        }

        if (DraftLifetime < IdleTimeout)
        {
            errors.Add("Bot:DraftLifetime must be at least Bot:IdleTimeout (a draft outlives the conversation that wrote it).");
        }

        if (MaxPromptAttempts < 1)
        {
            errors.Add("Bot:MaxPromptAttempts must be at least 1.");
        }

        if (MaxPhotos is < 0 or > 10)
        {
            errors.Add("Bot:MaxPhotos must be between 0 and 10.");
        }

        if (DescriptionMinLength < 1 || DescriptionMaxLength < DescriptionMinLength || DescriptionMaxLength > 1800)
        {
            errors.Add("Bot:DescriptionMinLength/MaxLength must satisfy 1 <= min <= max <= 1800 (the summary must fit a 2,000-character message).");
        }

        if (RateLimitMaxMessages < 1 || RateLimitWindow <= TimeSpan.Zero)
        {
            errors.Add("Bot:RateLimitMaxMessages and Bot:RateLimitWindow must be positive.");
        }

        if (HandoffWaitTimeout <= TimeSpan.Zero || HandoffIdleRelease <= TimeSpan.Zero)
        {
            errors.Add("Bot:HandoffWaitTimeout and Bot:HandoffIdleRelease must be positive.");
        }

        if (MaxTicketsListed is < 1 or > OutgoingMessage.MaxButtons)
        {
            errors.Add("Bot:MaxTicketsListed must be between 1 and 5.");
        }

        return errors;
    }
}
