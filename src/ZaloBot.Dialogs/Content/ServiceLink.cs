namespace ZaloBot.Dialogs.Content;

/// <summary>A button of the "online public services" menu that opens an FAQ answer.</summary>
public sealed class ServiceLink
{
    public string Title { get; set; } = string.Empty;

    public string Slug { get; set; } = string.Empty;
}
