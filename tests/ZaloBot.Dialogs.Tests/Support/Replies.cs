using ZaloBot.Dialogs.Engine;

namespace ZaloBot.Dialogs.Tests.Support;

internal static class Replies
{
    public static IReadOnlyList<string> Texts(this IReadOnlyList<OutgoingMessage> replies) => replies.Select(r => r.Text).ToList();

    public static IReadOnlyList<string> Titles(this OutgoingMessage message) => message.Buttons.Select(b => b.Title).ToList();

    public static IReadOnlyList<string> AllTitles(this IReadOnlyList<OutgoingMessage> replies) => replies.SelectMany(r => r.Buttons).Select(b => b.Title).ToList();
}
