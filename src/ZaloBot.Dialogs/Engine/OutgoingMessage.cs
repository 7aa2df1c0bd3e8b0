using System.Text.Json.Serialization;

namespace ZaloBot.Dialogs.Engine;

/// <summary>
/// A channel-neutral reply; the web app maps it to a Zalo message. Zalo limits: text 2,000
/// characters, at most 5 buttons and 5 list elements per message. The factory enforces them so
/// no flow can produce a message Zalo would reject.
/// </summary>
public sealed record OutgoingMessage
{
    public const int MaxTextLength = 2000;
    public const int MaxButtons = 5;
    public const int MaxListElements = 5;

    // Also used by System.Text.Json, so the web app can keep replies in a durable outbound queue.
    [JsonConstructor]
    private OutgoingMessage(string text, IReadOnlyList<MessageButton> buttons, UserInfoRequest? infoRequest, IReadOnlyList<ListElement> list)
    {
        Text = text;
        Buttons = buttons;
        InfoRequest = infoRequest;
        List = list;
    }

    public string Text { get; }

    public IReadOnlyList<MessageButton> Buttons { get; }

    /// <summary>When set, send a request_user_info form (Text is its accompanying text).</summary>
    public UserInfoRequest? InfoRequest { get; }

    public IReadOnlyList<ListElement> List { get; }

    public static OutgoingMessage Create(string text, IEnumerable<MessageButton>? buttons = null) =>
        Create(text, buttons, null, null);

    public static OutgoingMessage Create(string text, IEnumerable<MessageButton>? buttons, UserInfoRequest? infoRequest, IEnumerable<ListElement>? list)
    {
        var buttonList = buttons?.ToList() ?? [];
        if (buttonList.Count > MaxButtons)
        {
            throw new ArgumentException($"Zalo allows at most {MaxButtons} buttons per message, got {buttonList.Count}.", nameof(buttons));
        }

        var elements = list?.ToList() ?? [];
        if (elements.Count > MaxListElements)
        {
            throw new ArgumentException($"Zalo allows at most {MaxListElements} list elements, got {elements.Count}.", nameof(list));
        }

        return new OutgoingMessage(Clip(text), buttonList, infoRequest, elements);
    }

    /// <summary>Cuts text to Zalo's limit, ending with "…" when cut.</summary>
    public static string Clip(string text, int max = MaxTextLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");
    }

    /// <summary>Splits a long text at paragraph (else line, else word) boundaries into parts of at most 2,000 characters.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > MaxTextLength)
        {
            var window = rest[..MaxTextLength];
            var cut = window.LastIndexOf("\n\n", StringComparison.Ordinal);
            if (cut < MaxTextLength / 2)
            {
                cut = window.LastIndexOf('\n');
            }

            if (cut < MaxTextLength / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut <= 0)
            {
                cut = MaxTextLength;
            }

            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }
}
