using System.Globalization;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Effects;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Cchc;

/// <summary>
/// The chat side of the CCHC section, of the business dialogue and of staff linking their Zalo account (issue 11), called
/// by the citizen router at two points: <see cref="TryCommandAsync"/> for its hidden button payloads ("#cchc:…", "#dlg:…")
/// and staff link codes ("LK-…"), valid at any time, and
/// <see cref="TryRouteAsync"/> for top-level messages (the latest posts, "xem thêm", subscribe, unsubscribe, the open
/// dialogue sessions). Reads go through <see cref="ICchcBoard"/> and <see cref="IDialogueBoard"/>; writes are effects.
/// </summary>
public sealed class CchcChat
{
    public const string MoreCommand = "#cchc:more:";
    public const string SubscribeCommand = "#cchc:subscribe";
    public const string RegisterCommand = "#dlg:register:";
    public const string AskCommand = "#dlg:ask:";

    /// <summary>Two sessions fit one message: each has a register and an ask button (4 of Zalo's 5), plus one link.</summary>
    private const int MaxSessionsShown = 2;

    /// <summary>A list line repeats this much of the summary; the whole post is one tap away.</summary>
    private const int SummaryInList = 160;

    private readonly ICchcBoard _board;
    private readonly IDialogueBoard _dialogue;
    private readonly IStaffLinkDesk _staffLinks;
    private readonly CchcTexts _texts;
    private readonly int _pageSize;

    /// <param name="pageSize">Posts per chat page (1–5; "xem thêm" shows the next page).</param>
    public CchcChat(ICchcBoard board, IDialogueBoard dialogue, IStaffLinkDesk staffLinks, CchcTexts texts, int pageSize)
    {
        _staffLinks = staffLinks;
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, OutgoingMessage.MaxListElements);
        _board = board;
        _dialogue = dialogue;
        _texts = texts;
        _pageSize = pageSize;
        Dialogs = [new DialogueRegistrationDialog(dialogue, texts), new DialogueQuestionDialog(dialogue, texts)];
    }

    /// <summary>The dialogs the router must hold in its dialog set.</summary>
    public IReadOnlyList<Dialog> Dialogs { get; }

    /// <summary>Handles a hidden payload of this section; a running flow is re-prompted, a registration replaces it.</summary>
    public async Task<bool> TryCommandAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var text = dc.Turn.Activity.Text?.Trim();
        if (StaffLinkCodes.TryNormalize(text) is { } code)
        {
            await LinkStaffAsync(dc.Turn, code, cancellationToken);
        }
        else if (text is null || !text.StartsWith('#'))
        {
            return false;
        }
        else if (TryArgument(text, MoreCommand) is { } offset)
        {
            await ShowPageAsync(dc.Turn, (int)Math.Min(offset, int.MaxValue), cancellationToken);
        }
        else if (text == SubscribeCommand)
        {
            await SubscribeAsync(dc.Turn, cancellationToken);
        }
        else if (TryArgument(text, RegisterCommand) is { } registerSession)
        {
            dc.CancelAllDialogs();
            await dc.BeginDialogAsync(DialogueRegistrationDialog.DialogId, registerSession, cancellationToken);
            return true;
        }
        else if (TryArgument(text, AskCommand) is { } askSession)
        {
            dc.CancelAllDialogs();
            await dc.BeginDialogAsync(DialogueQuestionDialog.DialogId, askSession, cancellationToken);
            return true;
        }
        else
        {
            return false;
        }

        await dc.RepromptDialogAsync(cancellationToken);
        return true;
    }

    /// <summary>Top-level messages of this section; false when the message is not one of them.</summary>
    public async Task<bool> TryRouteAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var turn = dc.Turn;
        var text = turn.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // "hủy đăng ký nhận tin" holds "đăng ký nhận tin": unsubscribing is checked first.
        if (TextFolding.ContainsPhrase(text, _texts.UnsubscribeWords)
            || (TextFolding.IsOneOf(text, _texts.UnsubscribeExactWords) && await _board.IsSubscribedAsync(turn.Activity.UserId, cancellationToken)))
        {
            await UnsubscribeAsync(turn, cancellationToken);
        }
        else if (TextFolding.ContainsPhrase(text, _texts.SubscribeWords) || TextFolding.IsOneOf(text, [_texts.ButtonSubscribe]))
        {
            await SubscribeAsync(turn, cancellationToken);
        }
        else if (TextFolding.IsOneOf(text, [_texts.MenuNews]) || TextFolding.ContainsPhrase(text, _texts.NewsWords))
        {
            await ShowPageAsync(turn, 0, cancellationToken);
        }
        else if (TextFolding.IsOneOf(text, [.. _texts.MoreWords, _texts.ButtonMore]))
        {
            await ShowPageAsync(turn, turn.State.Conversation.CchcNextOffset ?? 0, cancellationToken);
        }
        else if (!TextFolding.ContainsPhrase(text, _texts.DialogueWords) || !await ShowSessionsAsync(turn, cancellationToken))
        {
            return false;
        }

        return true;
    }

    /// <summary>One page of the latest posts: numbered title and summary, an "open" button per post, "xem thêm" if more.</summary>
    private async Task ShowPageAsync(TurnContext turn, int offset, CancellationToken cancellationToken)
    {
        var posts = await _board.LatestAsync(offset, _pageSize + 1, cancellationToken);
        var page = posts.Take(_pageSize).ToList();
        var more = posts.Count > _pageSize;
        turn.State.Conversation.CchcNextOffset = more ? offset + _pageSize : null;
        if (page.Count == 0)
        {
            turn.Send(offset == 0 ? _texts.LatestNone : _texts.NoMore, [MessageButton.Show(turn.Texts.MenuButton)]);
            return;
        }

        var subscribed = await _board.IsSubscribedAsync(turn.Activity.UserId, cancellationToken);
        var text = _texts.LatestHeader + "\n\n" + Lines(page, offset);
        if (!subscribed)
        {
            text += "\n\n" + _texts.SubscribeHint;
        }

        List<MessageButton> buttons = [.. ReadButtons(page, offset).Take(OutgoingMessage.MaxButtons - (more ? 1 : 0))];
        if (more)
        {
            buttons.Add(MessageButton.Hidden(_texts.ButtonMore, MoreCommand + (offset + _pageSize).ToString(CultureInfo.InvariantCulture)));
        }

        turn.Send(text, buttons);
        if (subscribed)
        {
            turn.Record(new RecordCchcSeen(turn.Activity.UserId, [.. page.Select(p => p.Id)]));
        }
    }

    /// <summary>The "tin mới" notice of a visit (<see cref="CchcNewsOnVisit"/>): the same lines and buttons as a page.</summary>
    internal void SendNewPosts(TurnContext turn, IReadOnlyList<CchcPostView> posts)
    {
        var text = CchcTexts.Fill(_texts.NewPostsNotice, ("count", posts.Count)) + "\n\n" + Lines(posts, 0);
        turn.Send(text, ReadButtons(posts, 0).Take(OutgoingMessage.MaxButtons));
        turn.Record(new RecordCchcSeen(turn.Activity.UserId, [.. posts.Select(p => p.Id)]));
    }

    private string Lines(IEnumerable<CchcPostView> posts, int offset) =>
        string.Join("\n\n", posts.Select((p, i) => CchcTexts.Fill(_texts.ListLine,
            ("n", offset + i + 1), ("title", p.Title), ("summary", OutgoingMessage.Clip(p.Summary, SummaryInList)))));

    private IEnumerable<MessageButton> ReadButtons(IEnumerable<CchcPostView> posts, int offset) =>
        posts.Select((p, i) => new MessageButton(CchcTexts.Fill(_texts.ButtonReadNumbered, ("n", offset + i + 1)), ButtonKind.OpenUrl, p.Url.ToString()));

    private async Task LinkStaffAsync(TurnContext turn, string code, CancellationToken cancellationToken)
    {
        if (await _staffLinks.FindByCodeAsync(code, cancellationToken) is not { } staff)
        {
            turn.Send(_texts.StaffLinkInvalid);
            return;
        }

        turn.Record(new LinkStaffAccount(turn.Activity.UserId, code));
        turn.Send(CchcTexts.Fill(_texts.StaffLinkDone, ("name", staff.DisplayName)));
    }

    private async Task SubscribeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await _board.IsSubscribedAsync(turn.Activity.UserId, cancellationToken))
        {
            turn.Send(_texts.AlreadySubscribed);
            return;
        }

        turn.Record(new SubscribeCchc(turn.Activity.UserId));
        turn.Send(_texts.Subscribed, [MessageButton.Show(_texts.MenuNews), MessageButton.Show(turn.Texts.MenuButton)]);
    }

    private async Task UnsubscribeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!await _board.IsSubscribedAsync(turn.Activity.UserId, cancellationToken))
        {
            turn.Send(_texts.NotSubscribed);
            return;
        }

        turn.Record(new UnsubscribeCchc(turn.Activity.UserId));
        turn.Send(_texts.Unsubscribed);
    }

    /// <summary>The sessions open for registration; false when there is none (the FAQ then explains the dialogue in general).</summary>
    private async Task<bool> ShowSessionsAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var sessions = (await _dialogue.OpenSessionsAsync(cancellationToken)).Take(MaxSessionsShown).ToList();
        if (sessions.Count == 0)
        {
            return false;
        }

        var lines = sessions.Select((s, i) => CchcTexts.Fill(_texts.DialogueSessionLine,
            ("n", i + 1), ("title", s.Title), ("when", When(turn, s.StartsAt)),
            ("place", s.Place ?? _texts.DialoguePlaceOnline), ("topics", s.Topics.ReplaceLineEndings("; ")),
            ("deadline", s.RegistrationDeadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))));
        var buttons = sessions.SelectMany((s, i) => new[]
        {
            MessageButton.Hidden(CchcTexts.Fill(_texts.ButtonDialogueRegister, ("n", i + 1)), RegisterCommand + s.Id.ToString(CultureInfo.InvariantCulture)),
            MessageButton.Hidden(CchcTexts.Fill(_texts.ButtonDialogueAsk, ("n", i + 1)), AskCommand + s.Id.ToString(CultureInfo.InvariantCulture)),
        }).Concat(sessions.Select((s, i) => (s, i)).Where(x => x.s.OnlineUrl is not null)
            .Select(x => new MessageButton(CchcTexts.Fill(_texts.ButtonDialogueLink, ("n", x.i + 1)), ButtonKind.OpenUrl, x.s.OnlineUrl!)))
            .Take(OutgoingMessage.MaxButtons);
        turn.Send(_texts.DialogueIntro + "\n\n" + string.Join("\n\n", lines), buttons);
        return true;
    }

    internal static string When(TurnContext turn, DateTimeOffset at) =>
        Conversations.Formats.LocalTime(turn.Texts, at);

    private static long? TryArgument(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal)
        && long.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
