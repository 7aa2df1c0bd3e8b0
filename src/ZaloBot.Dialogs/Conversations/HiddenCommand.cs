namespace ZaloBot.Dialogs.Conversations;

/// <summary>
/// Payloads of <c>oa.query.hide</c> buttons: "#faq:slug", "#vote:slug:up", "#rate:PA-2026-000123:5",
/// "#reopen:PA-2026-000123". The citizen does not see them; they may arrive at any time, also
/// from an old message in the middle of a flow.
/// </summary>
internal sealed record HiddenCommand(string Name, IReadOnlyList<string> Arguments)
{
    public const string Faq = "faq";
    public const string Vote = "vote";
    public const string Rate = "rate";
    public const string Reopen = "reopen";

    public static string Build(string name, params string[] arguments) =>
        "#" + string.Join(':', arguments.Prepend(name));

    public static HiddenCommand? TryParse(string? text)
    {
        if (text is null || !text.StartsWith('#') || text.Length < 2 || text.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text[1..].Split(':');
        return parts[0] is Faq or Vote or Rate or Reopen ? new HiddenCommand(parts[0], parts[1..]) : null;
    }
}
