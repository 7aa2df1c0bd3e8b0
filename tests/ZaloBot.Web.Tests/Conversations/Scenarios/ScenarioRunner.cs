using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Text;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Tests.Infrastructure;
using ZaloBot.Zalo.Fake;

namespace ZaloBot.Web.Tests.Conversations.Scenarios;

/// <summary>
/// Plays scenarios through the real pipeline of a <see cref="PipelineWorld"/>: every line is a signed webhook event;
/// a turn is over when its processed marker is committed and every outbox row of that turn has reached the fake Zalo.
/// Where the citizen "is" (the intake question open) is read from the committed conversation state.
/// </summary>
public sealed class ScenarioRunner(PipelineWorld world, BotTexts texts)
{
    /// <summary>A citizen answering questions gives up after this many (the old waterfall needs 8 after "Gửi phản ánh").</summary>
    private const int MaxAnswers = 12;

    /// <summary>Under a load of 40 on 2 cores one turn took up to 4 s; 30 s means something is stuck.</summary>
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(30);

    private int _users;

    public async Task<ScenarioResult> PlayAsync(ConversationScenario scenario, CancellationToken cancellationToken)
    {
        var user = "84" + Interlocked.Increment(ref _users).ToString("D17", System.Globalization.CultureInfo.InvariantCulture);
        var play = new Play(scenario, user);
        try
        {
            foreach (var (step, index) in scenario.Steps.Select((s, i) => (s, i + 1)))
            {
                await PlayStepAsync(play, step, index, cancellationToken);
            }

            await CheckOutcomeAsync(play, cancellationToken);
        }
        catch (ScenarioStuckException stuck)
        {
            play.Failures.Add(stuck.Message);
        }

        return new ScenarioResult(scenario, play.Failures, play.TicketAfter, play.Sent);
    }

    private async Task PlayStepAsync(Play play, ScenarioStep step, int index, CancellationToken cancellationToken)
    {
        if (step.At is { } at)
        {
            for (var answers = 0; ; answers++)
            {
                var open = await OpenPromptAsync(play.User, cancellationToken);
                if (open == at)
                {
                    break;
                }

                if (answers == MaxAnswers || await TicketCountAsync(play.User, cancellationToken) > 0)
                {
                    throw new ScenarioStuckException($"step {index}: the question '{at}' was never asked (open: {open ?? "none"})");
                }

                await SayAsync(play, await AnswerAsync(play, open, cancellationToken), cancellationToken);
            }
        }

        if (step.Say is { } line)
        {
            var replies = await SayAsync(play, line, cancellationToken);
            if (step.Expect is { } expect)
            {
                await CheckRepliesAsync(play, index, line, replies, expect, cancellationToken);
            }
        }

        if (step.File)
        {
            for (var answers = 0; await TicketCountAsync(play.User, cancellationToken) == 0; answers++)
            {
                if (answers == MaxAnswers)
                {
                    throw new ScenarioStuckException($"step {index}: no ticket after answering {MaxAnswers} questions");
                }

                var open = await OpenPromptAsync(play.User, cancellationToken);
                await SayAsync(play, await AnswerAsync(play, open, cancellationToken), cancellationToken);
            }
        }
    }

    /// <summary>What a citizen who knows what they want answers to the open question (or, with none open, "Gửi phản ánh").</summary>
    private async Task<string> AnswerAsync(Play play, string? open, CancellationToken cancellationToken)
    {
        var citizen = play.Scenario.Citizen;
        await using var db = world.Database.CreateContext();
        switch (open)
        {
            case null:
                return texts.MenuFeedback;
            case "category" when citizen.Category is { } category:
                return await db.FeedbackCategories.Where(c => c.Code == category).Select(c => c.Name).SingleAsync(cancellationToken);
            case "ward" when citizen.Ward is { } ward:
                return await db.OrgUnits.Where(u => u.Code == ward).Select(u => u.Name).SingleAsync(cancellationToken);
            case "description" when (citizen.Description ?? play.Scenario.Steps.FirstOrDefault(s => s.Say is not null)?.Say) is { } description:
                // Asked again for what they already wrote, a citizen types their first message again.
                return description;
            case "photos" or "location" or "contact":
                return texts.SkipButton;
            case "confirm":
                return texts.IntakeConfirmYes;
            default:
                throw new ScenarioStuckException($"the citizen has no answer to the question '{open}'");
        }
    }

    private async Task<List<FakeZaloSentMessage>> SayAsync(Play play, string text, CancellationToken cancellationToken)
    {
        var fake = world.Fake.State;
        var before = fake.GetMessages(play.User).Count;
        var msgId = Guid.NewGuid().ToString("N");
        using (var response = await ZaloEvents.PostAsync(world.Client, ZaloEvents.UserText(play.User, msgId, text)))
        {
            if ((int)response.StatusCode != 200)
            {
                throw new ScenarioStuckException($"the webhook refused '{text}' ({(int)response.StatusCode})");
            }
        }

        play.Sent++;
        var prefix = $"turn:{msgId}:";
        var done = await Eventually.TrueAsync(async () =>
        {
            await using var db = world.Database.CreateContext();
            return await db.ProcessedEvents.AnyAsync(p => p.Key == msgId, cancellationToken)
                && !await db.OutboundMessages.AnyAsync(m => m.IdempotencyKey.StartsWith(prefix)
                    && (m.State == OutboundState.Queued || m.State == OutboundState.Sending), cancellationToken);
        }, TurnTimeout);
        if (!done)
        {
            throw new ScenarioStuckException($"no committed and delivered turn for '{text}' within {TurnTimeout.TotalSeconds:0} s");
        }

        if (play.TicketAfter is null && await TicketCountAsync(play.User, cancellationToken) > 0)
        {
            play.TicketAfter = play.Sent - 1;
        }

        return fake.GetMessages(play.User).Skip(before).ToList();
    }

    private async Task CheckRepliesAsync(Play play, int index, string line, List<FakeZaloSentMessage> replies, ScenarioReplyExpectation expect, CancellationToken cancellationToken)
    {
        var all = TextFolding.Fold(string.Join("\n", replies.SelectMany(m => new[] { m.Text ?? "" }.Concat(m.Buttons.Select(b => b.Title)))));
        var titles = replies.SelectMany(m => m.Buttons.Select(b => TextFolding.Fold(b.Title))).ToHashSet();
        var where = $"step {index} '{Clip(line)}'";
        foreach (var wanted in expect.Contains.Where(w => !all.Contains(TextFolding.Fold(w), StringComparison.Ordinal)))
        {
            play.Failures.Add($"{where}: reply lacks \"{wanted}\" (got: {Clip(string.Join(" | ", replies.Select(r => r.Text)), 160)})");
        }

        foreach (var unwanted in expect.NotContains.Where(w => all.Contains(TextFolding.Fold(w), StringComparison.Ordinal)))
        {
            play.Failures.Add($"{where}: reply has \"{unwanted}\" (got: {Clip(string.Join(" | ", replies.Select(r => r.Text)), 160)})");
        }

        foreach (var button in expect.Buttons.Where(b => !titles.Contains(TextFolding.Fold(b))))
        {
            play.Failures.Add($"{where}: no button \"{button}\" (got: {string.Join(", ", replies.SelectMany(r => r.Buttons).Select(b => b.Title))})");
        }

        if (expect.Open is { } open)
        {
            var actual = await OpenPromptAsync(play.User, cancellationToken) ?? "none";
            if (actual != open)
            {
                play.Failures.Add($"{where}: open question is '{actual}', expected '{open}'");
            }
        }
    }

    private async Task CheckOutcomeAsync(Play play, CancellationToken cancellationToken)
    {
        var expect = play.Scenario.Expect;
        await using var db = world.Database.CreateContext();
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.Citizen!.ZaloUserId == play.User)
            .Select(t => new { Category = t.Category!.Code, Ward = t.Ward == null ? null : t.Ward.Code, t.Text }).ToListAsync(cancellationToken);
        if (expect.NoTicket && tickets.Count > 0)
        {
            play.Failures.Add($"a ticket was filed ({tickets[0].Category}, {tickets[0].Ward})");
        }

        if (expect.Ticket is { } wanted)
        {
            if (tickets.Count != 1)
            {
                play.Failures.Add($"expected one ticket, found {tickets.Count}");
            }
            else
            {
                var ticket = tickets[0];
                if (wanted.Category is { } category && ticket.Category != category)
                {
                    play.Failures.Add($"ticket category {ticket.Category}, expected {category}");
                }

                if (wanted.Ward is { } ward && ticket.Ward != ward)
                {
                    play.Failures.Add($"ticket ward {ticket.Ward ?? "none"}, expected {ward}");
                }

                if (wanted.Within is { } within && play.TicketAfter > within)
                {
                    play.Failures.Add($"ticket after {play.TicketAfter} more turns, expected at most {within}");
                }

                if (wanted.DescriptionContains is { } text && !TextFolding.Fold(ticket.Text).Contains(TextFolding.Fold(text), StringComparison.Ordinal))
                {
                    play.Failures.Add($"ticket description lacks \"{text}\" (is: {Clip(ticket.Text, 120)})");
                }
            }
        }

        if (expect.Handoff)
        {
            var requested = await db.HandoffRequests.AnyAsync(h => h.ZaloUserId == play.User, cancellationToken);
            if (!requested && tickets.Count == 0 && await OpenDialogAsync(play.User, cancellationToken) != "handoff-message")
            {
                play.Failures.Add("no handoff request, no message for staff and no ticket");
            }
        }

        if (expect.NoUnanswered && await db.UnansweredQuestions.AnyAsync(q => q.ZaloUserId == play.User, cancellationToken))
        {
            play.Failures.Add("a message was recorded as an unanswered question");
        }
    }

    private async Task<int> TicketCountAsync(string user, CancellationToken cancellationToken)
    {
        await using var db = world.Database.CreateContext();
        return await db.Tickets.CountAsync(t => t.Citizen!.ZaloUserId == user, cancellationToken);
    }

    /// <summary>The intake question in front of the citizen: the innermost <c>intake.X</c> dialog of the committed state.</summary>
    private async Task<string?> OpenPromptAsync(string user, CancellationToken cancellationToken)
    {
        var ids = await StackIdsAsync(user, cancellationToken);
        return ids.LastOrDefault(id => id.StartsWith("intake.", StringComparison.Ordinal) && id != "intake.steps")?["intake.".Length..];
    }

    private async Task<string?> OpenDialogAsync(string user, CancellationToken cancellationToken) =>
        (await StackIdsAsync(user, cancellationToken)).FirstOrDefault();

    private async Task<List<string>> StackIdsAsync(string user, CancellationToken cancellationToken)
    {
        await using var db = world.Database.CreateContext();
        var json = await db.ConversationStates.Where(s => s.ZaloUserId == user).Select(s => s.State).SingleOrDefaultAsync(cancellationToken);
        var ids = new List<string>();
        if (json is not null)
        {
            Collect(JsonNode.Parse(json)?["conversation"]?["dialogStack"] as JsonArray, ids);
        }

        return ids;
    }

    private static void Collect(JsonArray? stack, List<string> ids)
    {
        foreach (var entry in stack ?? [])
        {
            if (entry?["id"]?.GetValue<string>() is { } id)
            {
                ids.Add(id);
            }

            Collect(entry?["state"]?["stack"] as JsonArray, ids);
        }
    }

    private static string Clip(string text, int max = 60) => text.Length <= max ? text : text[..max] + "…";

    private sealed class Play(ConversationScenario scenario, string user)
    {
        public ConversationScenario Scenario { get; } = scenario;

        public string User { get; } = user;

        public List<string> Failures { get; } = [];

        public int Sent { get; set; }

        public int? TicketAfter { get; set; }
    }
}
