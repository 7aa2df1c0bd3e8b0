namespace ZaloBot.Dialogs.Engine;

/// <summary>One button. For query kinds the payload is the text that comes back when tapped.</summary>
public sealed record MessageButton(string Title, ButtonKind Kind, string Payload)
{
    public static MessageButton Show(string title) => new(title, ButtonKind.QueryShow, title);

    public static MessageButton Hidden(string title, string command) => new(title, ButtonKind.QueryHide, command);
}
