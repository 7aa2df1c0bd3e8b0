using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Cchc;

/// <summary>
/// "Tin mới" on a visit: a subscriber who was outside Zalo's free window when a post was published was not messaged
/// then; when they next write, after the turn's own answer, they get one notice of the posts they have not been told of
/// (recorded as seen, so never again). Only at the top level (never in the middle of a flow), never while staff hold the
/// chat, and only on a turn that recorded nothing else: after a ticket's receipt, a rating, a subscription or the list
/// itself the notice waits for the next plain message, and the turn that did the work reads nothing more (its commit
/// and crash recovery stay as they were: TurnCommitTests).
/// </summary>
public sealed class CchcNewsOnVisit(ICchcBoard board, CchcChat chat, int maxPosts) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        await next(turn, cancellationToken);
        if (turn.Activity.Type != ActivityType.Message
            || turn.State.User.Handoff.Status == HandoffStatus.WithStaff
            || turn.State.Conversation.DialogStack.Count > 0
            || turn.Replies.Count == 0
            || turn.Effects.Count > 0)
        {
            return;
        }

        var unseen = await board.UnseenAsync(turn.Activity.UserId, maxPosts, cancellationToken);
        if (unseen.Count > 0)
        {
            chat.SendNewPosts(turn, unseen);
        }
    }
}
