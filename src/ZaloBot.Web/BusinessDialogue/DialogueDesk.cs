using Microsoft.EntityFrameworkCore;
using ZaloBot.Dialogs.Content;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.BusinessDialogue;

/// <summary>
/// The business dialogue: the office schedules sessions; businesses register and send questions (in chat, keyed by the
/// inbound message, or typed in by the office); the office groups questions and assigns them to departments; the office or
/// the assigned unit records the answer; after the session the answers go back to each asker in chat (one outbox row per
/// question, key "dialogue-answer:{id}", so never twice) and the Q&amp;A becomes a CCHC post. Changes are audited.
/// </summary>
public sealed class DialogueDesk(ZaloBotDbContext db, TimeProvider time, CchcTexts texts, CchcDesk cchc)
{
    /// <summary>Questions this user may see: all for the office; those assigned to their unit for a department or ward.</summary>
    public static IQueryable<DialogueQuestion> Visible(StaffActor actor, IQueryable<DialogueQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.SeesAllTickets)
        {
            return questions;
        }

        return actor.CanEditTickets && actor.UnitId is { } unitId ? questions.Where(q => q.AssignedUnitId == unitId) : questions.Where(q => false);
    }

    public async Task<(DialogueOutcome Outcome, long Id)> SaveSessionAsync(StaffActor actor, long? id, uint version, DialogueSessionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!actor.SeesAllTickets)
        {
            return (DialogueOutcome.NotAllowed, id ?? 0);
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 200 || input.Date is null || input.Time is null
            || string.IsNullOrWhiteSpace(input.Topics) || input.Topics.Length > 2000 || input.RegistrationDeadline is null
            || input.RegistrationDeadline > input.Date || (input.Place?.Length ?? 0) > 300 || !CchcDesk.IsLink(input.OnlineUrl)
            || (string.IsNullOrWhiteSpace(input.Place) && string.IsNullOrWhiteSpace(input.OnlineUrl)))
        {
            return (DialogueOutcome.Invalid, id ?? 0);
        }

        DialogueSession session;
        if (id is null)
        {
            session = new DialogueSession { Title = "", Topics = "", CreatedAt = time.GetUtcNow() };
            db.DialogueSessions.Add(session);
        }
        else
        {
            var found = await db.DialogueSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (found is null)
            {
                return (DialogueOutcome.NotFound, id.Value);
            }

            session = found;
            db.Entry(session).Property(s => s.Version).OriginalValue = version;
        }

        session.Title = input.Title.Trim();
        session.StartsAt = VietnamTime.At(input.Date.Value, input.Time.Value).ToUniversalTime();
        session.Place = Blank(input.Place);
        session.OnlineUrl = Blank(input.OnlineUrl);
        session.Topics = input.Topics.Trim();
        session.RegistrationDeadline = input.RegistrationDeadline.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            Audit(actor, id is null ? "dialogue.create" : "dialogue.update", session.Id, session.Title);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (DialogueOutcome.Conflict, session.Id);
        }

        await transaction.CommitAsync(cancellationToken);
        return (DialogueOutcome.Done, session.Id);
    }

    /// <summary>Sessions still open for registration (deadline today or later), soonest first.</summary>
    public async Task<IReadOnlyList<DialogueSession>> OpenSessionsAsync(CancellationToken cancellationToken)
    {
        var today = WorkingDayCalendar.LocalDate(time.GetUtcNow());
        return await db.DialogueSessions.AsNoTracking().Where(s => s.RegistrationDeadline >= today).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Registers a business; a repeated chat message returns the first registration (idempotent on the message id).
    /// From the chat this runs inside the turn's one transaction, and the turn's processed marker keeps a re-delivered
    /// event from running it twice; two concurrent deliveries cannot both commit (the unique index on the message id
    /// fails the second turn's transaction, which is then re-run and finds the first's row here).
    /// </summary>
    public async Task<(DialogueOutcome Outcome, long Id)> RegisterAsync(NewDialogueRegistration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SourceMessageId is { } source
            && await db.DialogueRegistrations.Where(r => r.SourceMessageId == source).Select(r => (long?)r.Id).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return (DialogueOutcome.Done, existing);
        }

        var session = await db.DialogueSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken);
        if (session is null)
        {
            return (DialogueOutcome.NotFound, 0);
        }

        if (session.RegistrationDeadline < WorkingDayCalendar.LocalDate(time.GetUtcNow()))
        {
            return (DialogueOutcome.Closed, 0);
        }

        if (string.IsNullOrWhiteSpace(request.BusinessName) || request.BusinessName.Trim().Length > 200 || string.IsNullOrWhiteSpace(request.Field)
            || request.Field.Trim().Length > 200 || (request.TaxCode is { } tax && !IsTaxCode(tax)))
        {
            return (DialogueOutcome.Invalid, 0);
        }

        // Contact data is kept only with a live consent of that citizen (as for tickets).
        var consented = request.ConsentRecordId is { } consentId && request.ZaloUserId is { } user
            && await db.ConsentRecords.AnyAsync(c => c.Id == consentId && c.Citizen!.ZaloUserId == user && c.WithdrawnAt == null, cancellationToken);
        var registration = new DialogueRegistration
        {
            SessionId = session.Id, ZaloUserId = request.ZaloUserId, BusinessName = request.BusinessName.Trim(), Field = request.Field.Trim(),
            TaxCode = Blank(request.TaxCode), ContactName = consented ? Blank(request.ContactName) : null, ContactPhone = consented ? Blank(request.ContactPhone) : null,
            ConsentRecordId = consented ? request.ConsentRecordId : null, RegisteredAt = time.GetUtcNow(), SourceMessageId = request.SourceMessageId,
        };
        db.DialogueRegistrations.Add(registration);
        await db.SaveChangesAsync(cancellationToken);
        return (DialogueOutcome.Done, registration.Id);
    }

    /// <summary>Records a question sent ahead of a session (idempotent on the chat message id).</summary>
    public async Task<(DialogueOutcome Outcome, long Id)> AskAsync(long sessionId, string? zaloUserId, string text, string? sourceMessageId, CancellationToken cancellationToken)
    {
        if (sourceMessageId is not null
            && await db.DialogueQuestions.Where(q => q.SourceMessageId == sourceMessageId).Select(q => (long?)q.Id).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return (DialogueOutcome.Done, existing);
        }

        var session = await db.DialogueSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return (DialogueOutcome.NotFound, 0);
        }

        if (session.RegistrationDeadline < WorkingDayCalendar.LocalDate(time.GetUtcNow()))
        {
            return (DialogueOutcome.Closed, 0);
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 2000)
        {
            return (DialogueOutcome.Invalid, 0);
        }

        var registrationId = zaloUserId is null
            ? null
            : await db.DialogueRegistrations.Where(r => r.SessionId == sessionId && r.ZaloUserId == zaloUserId).OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var question = new DialogueQuestion
        {
            SessionId = sessionId, ZaloUserId = zaloUserId, RegistrationId = registrationId, Text = text.Trim(), Status = DialogueQuestionStatus.New,
            AskedAt = time.GetUtcNow(), SourceMessageId = sourceMessageId,
        };
        db.DialogueQuestions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return (DialogueOutcome.Done, question.Id);
    }

    /// <summary>The office sets a question's group and the department that answers it.</summary>
    public async Task<DialogueOutcome> AssignAsync(StaffActor actor, long questionId, uint version, string? groupName, int? unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.SeesAllTickets)
        {
            return DialogueOutcome.NotAllowed;
        }

        if ((groupName?.Trim().Length ?? 0) > 100 || (unitId is { } u && !await db.OrgUnits.AnyAsync(x => x.Id == u && x.IsActive, cancellationToken)))
        {
            return DialogueOutcome.Invalid;
        }

        return await ChangeAsync(actor, questionId, version, "dialogue.assign", q =>
        {
            q.GroupName = Blank(groupName);
            q.AssignedUnitId = unitId;
            if (q.Status == DialogueQuestionStatus.New && unitId is not null)
            {
                q.Status = DialogueQuestionStatus.Assigned;
            }

            return $"group={q.GroupName}; unit={unitId}";
        }, cancellationToken);
    }

    /// <summary>The office or the assigned unit records (or corrects, until it is sent) the answer.</summary>
    public async Task<DialogueOutcome> AnswerAsync(StaffActor actor, long questionId, uint version, string? answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(answer) || answer.Trim().Length > 4000)
        {
            return DialogueOutcome.Invalid;
        }

        return await ChangeAsync(actor, questionId, version, "dialogue.answer", q =>
        {
            if (q.AnswerOutboundMessageId is not null)
            {
                return null;
            }

            q.Answer = answer.Trim();
            q.AnsweredAt = time.GetUtcNow();
            q.AnsweredByName = actor.Name;
            q.Status = DialogueQuestionStatus.Answered;
            return q.Answer.Length > 200 ? q.Answer[..200] : q.Answer;
        }, cancellationToken);
    }

    /// <summary>
    /// Queues each answered, not yet sent question's answer to its asker (Zalo's 7-day customer-service window must be
    /// open: beyond it Zalo refuses with -230). Returns how many were queued and how many askers are out of reach.
    /// </summary>
    public async Task<(int Sent, int Unreachable)> SendAnswersAsync(StaffActor actor, long sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.SeesAllTickets)
        {
            return (0, 0);
        }

        var session = await db.DialogueSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return (0, 0);
        }

        var now = time.GetUtcNow();
        var pending = await db.DialogueQuestions
            .Where(q => q.SessionId == sessionId && q.Status == DialogueQuestionStatus.Answered && q.ZaloUserId != null && q.AnswerOutboundMessageId == null)
            .ToListAsync(cancellationToken);
        var users = pending.Select(q => q.ZaloUserId!).Distinct().ToList();
        var lastSeen = await db.Citizens.AsNoTracking().Where(c => users.Contains(c.ZaloUserId)).ToDictionaryAsync(c => c.ZaloUserId, c => c.LastInteractionAt, cancellationToken);
        var reachable = pending.Where(q => new ReplyWindow(lastSeen.GetValueOrDefault(q.ZaloUserId!), now).IsOpen).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var messages = reachable.ToDictionary(q => q, q => new OutboxPayload(Dialogs.Engine.OutgoingMessage.Clip(CchcTexts.Fill(texts.DialogueAnswer,
                ("session", session.Title), ("question", q.Text), ("answer", q.Answer))))
            .ToOutbound(q.ZaloUserId!, $"dialogue-answer:{q.Id}", OutboundPriority.Notification, now));
        db.OutboundMessages.AddRange(messages.Values);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (question, message) in messages)
        {
            question.AnswerOutboundMessageId = message.Id;
        }

        Audit(actor, "dialogue.send-answers", sessionId, $"sent={reachable.Count}; unreachable={pending.Count - reachable.Count}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (reachable.Count, pending.Count - reachable.Count);
    }

    /// <summary>Writes the answered questions, by group, as a CCHC post draft (the office then publishes it as any post).</summary>
    public async Task<CchcActionResult> PublishQaAsync(StaffActor actor, long sessionId, string title, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var session = await db.DialogueSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return new CchcActionResult(CchcOutcome.NotFound);
        }

        if (!actor.SeesAllTickets)
        {
            return new CchcActionResult(CchcOutcome.NotAllowed);
        }

        var answered = await db.DialogueQuestions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && q.Status == DialogueQuestionStatus.Answered)
            .OrderBy(q => q.GroupName).ThenBy(q => q.Id)
            .Select(q => new { q.GroupName, q.Text, q.Answer })
            .ToListAsync(cancellationToken);
        if (answered.Count == 0)
        {
            return new CchcActionResult(CchcOutcome.Invalid, InvalidField: "answers");
        }

        var body = string.Join("\n", answered.GroupBy(q => q.GroupName).SelectMany(g =>
            (g.Key is { } group ? [group.ToUpperInvariant()] : Array.Empty<string>()).Concat(g.Select(q => CchcTexts.Fill(texts.QaLine, ("question", q.Text), ("answer", q.Answer))))));
        var result = await cchc.SaveAsync(actor, session.QaPostId, await PostVersionAsync(session.QaPostId, cancellationToken),
            new CchcPostInput(title, summary, body.Length > 8000 ? body[..8000] : body, null, session.OnlineUrl, CchcTopic.News), cancellationToken);
        if (result.Ok && session.QaPostId is null)
        {
            session.QaPostId = result.PostId;
            Audit(actor, "dialogue.qa-post", sessionId, $"post={result.PostId}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    private async Task<uint> PostVersionAsync(long? postId, CancellationToken cancellationToken) =>
        postId is null ? 0 : await db.CchcPosts.Where(p => p.Id == postId).Select(p => p.Version).SingleOrDefaultAsync(cancellationToken);

    private async Task<DialogueOutcome> ChangeAsync(StaffActor actor, long questionId, uint version, string action, Func<DialogueQuestion, string?> change, CancellationToken cancellationToken)
    {
        var question = await Visible(actor, db.DialogueQuestions).SingleOrDefaultAsync(q => q.Id == questionId, cancellationToken);
        if (question is null)
        {
            return DialogueOutcome.NotFound;
        }

        if (question.Version != version)
        {
            return DialogueOutcome.Conflict;
        }

        db.Entry(question).Property(q => q.Version).OriginalValue = version;
        if (change(question) is not { } detail)
        {
            return DialogueOutcome.NotAllowed;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(), ActorUserId = actor.UserId, ActorName = actor.Name, Action = action,
            Target = "dialogue-question:" + questionId.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail = detail,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DialogueOutcome.Conflict;
        }

        return DialogueOutcome.Done;
    }

    private void Audit(StaffActor actor, string action, long sessionId, string detail) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(), ActorUserId = actor.UserId, ActorName = actor.Name, Action = action,
            Target = "dialogue:" + sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail = detail,
        });

    /// <summary>Vietnamese tax codes: 10 digits, or 10 digits, a dash and 3 digits for a branch.</summary>
    public static bool IsTaxCode(string value) => Dialogs.Text.TaxCodes.IsValid(value);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
