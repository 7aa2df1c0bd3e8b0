using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Ports;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Conversations;

/// <summary>Answers, "Có phải bạn muốn hỏi…", who handles another agency's business, and the honest "I don't know".</summary>
internal sealed class FaqResponder
{
    /// <summary>Related questions shown under an answer; leaves room for nothing else on that message.</summary>
    private const int MaxRelated = 3;

    /// <summary>Candidates offered when unsure, plus "Không phải" = 4 buttons.</summary>
    private const int MaxClarifyCandidates = 3;

    private readonly BotPorts _ports;

    public FaqResponder(BotPorts ports)
    {
        _ports = ports;
    }

    /// <summary>Sends the answer for <paramref name="slug"/>; false when the catalogue does not have it.</summary>
    public async Task<bool> AnswerAsync(TurnContext turn, string slug, CancellationToken cancellationToken)
    {
        var entry = await _ports.Faq.FindAsync(slug, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        var related = new List<MessageButton>();
        foreach (var relatedSlug in entry.RelatedSlugs.Take(MaxRelated))
        {
            if (await _ports.Faq.FindAsync(relatedSlug, cancellationToken) is { } relatedEntry)
            {
                related.Add(MessageButton.Hidden(Formats.ButtonTitle(relatedEntry.Question), HiddenCommand.Build(HiddenCommand.Faq, relatedSlug)));
            }
        }

        var parts = OutgoingMessage.Split(entry.Answer);
        for (var i = 0; i < parts.Count; i++)
        {
            turn.Send(parts[i], i == parts.Count - 1 ? related : null);
        }

        var texts = turn.Texts;
        turn.Send(texts.FaqHelpful,
        [
            MessageButton.Hidden(texts.FaqVoteUpButton, HiddenCommand.Build(HiddenCommand.Vote, slug, "up")),
            MessageButton.Hidden(texts.FaqVoteDownButton, HiddenCommand.Build(HiddenCommand.Vote, slug, "down")),
        ]);
        return true;
    }

    public async Task ClarifyAsync(TurnContext turn, string question, IReadOnlyList<RecognitionCandidate> candidates, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var buttons = new List<MessageButton>();
        foreach (var candidate in candidates.Where(c => c.Label != Recognition.None))
        {
            if (buttons.Count == MaxClarifyCandidates)
            {
                break;
            }

            var button = candidate.IsIntent
                ? IntentButton(turn, candidate.Label)
                : await _ports.Faq.FindAsync(candidate.Label, cancellationToken) is { } entry
                    ? MessageButton.Hidden(Formats.ButtonTitle(entry.Question), HiddenCommand.Build(HiddenCommand.Faq, entry.Slug))
                    : null;
            if (button is not null && buttons.TrueForAll(b => b.Payload != button.Payload))
            {
                buttons.Add(button);
            }
        }

        if (buttons.Count == 0)
        {
            await UnknownAsync(turn, question, cancellationToken);
            return;
        }

        turn.State.Conversation.PendingQuestion = question;
        buttons.Add(MessageButton.Show(texts.ClarifyNoneButton));
        turn.Send(texts.ClarifyIntro, buttons);
    }

    public async Task UnknownAsync(TurnContext turn, string question, CancellationToken cancellationToken)
    {
        turn.State.Conversation.PendingQuestion = null;
        turn.State.Conversation.LastUnansweredQuestion = question;
        await _ports.Signals.RecordUnansweredQuestionAsync(turn.Activity.UserId, question, Formats.Key(turn, "unanswered"), cancellationToken);
        turn.Send(turn.Texts.Unknown, Formats.FeedbackOrStaff(turn.Texts));
    }

    /// <summary>
    /// Out of scope, but another agency's business the referral table knows (content/referrals.yaml): say who
    /// handles it and how to reach them. Still recorded as unanswered, so staff see what citizens ask.
    /// </summary>
    public async Task ReferAsync(TurnContext turn, string question, ReferralEntry referral, CancellationToken cancellationToken)
    {
        turn.State.Conversation.PendingQuestion = null;
        turn.State.Conversation.LastUnansweredQuestion = question;
        await _ports.Signals.RecordUnansweredQuestionAsync(turn.Activity.UserId, question, Formats.Key(turn, "unanswered"), cancellationToken);
        turn.Send(referral.Reply, Formats.FeedbackOrStaff(turn.Texts));
    }

    public async Task VoteAsync(TurnContext turn, string slug, bool helpful, CancellationToken cancellationToken)
    {
        await _ports.Signals.RecordFaqVoteAsync(turn.Activity.UserId, slug, helpful, Formats.Key(turn, "vote"), cancellationToken);
        if (helpful)
        {
            turn.Send(turn.Texts.FaqVoteThanks);
        }
        else
        {
            turn.Send(turn.Texts.FaqVoteSorry, Formats.FeedbackOrStaff(turn.Texts));
        }
    }

    private static MessageButton? IntentButton(TurnContext turn, string intent) => intent switch
    {
        "intent:feedback" => MessageButton.Show(turn.Texts.MenuFeedback),
        "intent:status" => MessageButton.Show(turn.Texts.MenuStatus),
        "intent:handoff" => MessageButton.Show(turn.Texts.MenuHandoff),
        _ => null,
    };
}
