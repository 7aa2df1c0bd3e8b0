using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Storage;
using ZaloBot.Zalo.Api;

namespace ZaloBot.Web.Outbox;

/// <summary>
/// Sends one claimed outbox row (already in state Sending, with its batch's claim token) through
/// <see cref="ZaloOaClient"/> and records the outcome.
/// <para>The delivery rule (docs/channel.md, "Delivery semantics"): the attempt is recorded and committed first
/// (<see cref="OutboundMessage.AttemptedAt"/>, conditional on the claim token), then the request goes. A row is
/// re-queued when the failure proves Zalo did not deliver it: no connection, open circuit, our rate limiter, a Zalo
/// envelope error (-32, -200: Zalo processed and refused), no access token, or HTTP 502/503 from Zalo's gateway. When
/// the outcome is unknown (timeout, connection cut mid-request, other 5xx, no message id) a bot reply
/// (<see cref="OutboundMessage.SafeToRepeat"/>) is sent again and counted, while a staff reply or a notification is
/// held as <see cref="OutboundState.Unknown"/> for a person to check and resend: a duplicate of those is worse than
/// one a staff member resends. Window errors (-230 …) and permanent errors are marked Failed with the reason.</para>
/// </summary>
public sealed class OutboxSender(
    ZaloOaClient zalo,
    ZaloBotDbContext db,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    private readonly OutboxOptions _options = options.Value;

    /// <summary>Sends the row and records the outcome.</summary>
    public async Task<OutboxSendOutcome> SendAsync(OutboundMessage row, CancellationToken cancellationToken)
    {
        OutboxPayload payload;
        try
        {
            payload = OutboxPayload.FromJson(row.Payload);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
        {
            await FinishAsync(row.Id, OutboundState.Failed, null, $"invalid payload: {ex.Message}", cancellationToken);
            return OutboxSendOutcome.Finished;
        }

        if (!await MarkAttemptedAsync(row, cancellationToken))
        {
            // The claim ran out (a slow batch) and the stuck rule gave the row back: whoever claims it next sends it.
            return OutboxSendOutcome.NotAttempted;
        }

        ZaloSendResult result;
        try
        {
            result = await SendPayloadAsync(row, payload, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or UriFormatException)
        {
            await FinishAsync(row.Id, OutboundState.Failed, null, $"invalid payload: {ex.Message}", cancellationToken);
            return OutboxSendOutcome.Finished;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Anything else the client let through (an I/O error while reading the answer, say) happened after the
            // request may have reached Zalo: the outcome is unknown, and the rule for unknown outcomes decides.
            result = new ZaloSendResult([], new ZaloError(ZaloErrorCategory.Retryable, null, $"unexpected {ex.GetType().Name}", MayHaveBeenDelivered: true));
        }

        // From here the result is recorded even if the worker is stopping, and PostgreSQL blips are ridden out
        // (RecordResultFor): a send that happened must not be left to the stuck rule, which would resend or hold it.
        return await RecordAsync(row, result, CancellationToken.None);
    }

    /// <summary>
    /// The attempt mark, committed before the request: Sending with our claim token and not yet attempted →
    /// attempted now, one attempt spent, lease until now + <see cref="OutboxOptions.AttemptTimeout"/>. False when the
    /// row is no longer ours to attempt.
    /// </summary>
    private async Task<bool> MarkAttemptedAsync(OutboundMessage row, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leaseUntil = now + _options.AttemptTimeout;
        var token = row.ClaimToken;
        var marked = await db.OutboundMessages
            .Where(m => m.Id == row.Id && m.State == OutboundState.Sending && m.ClaimToken == token && m.AttemptedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.AttemptedAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.NextAttemptAt, leaseUntil), cancellationToken);
        if (marked == 1)
        {
            row.Attempts++;
            row.AttemptedAt = now;
        }

        return marked == 1;
    }

    private async Task<OutboxSendOutcome> RecordAsync(OutboundMessage row, ZaloSendResult result, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var retry = 1; ; retry++)
        {
            try
            {
                return await RecordOnceAsync(row, result, cancellationToken);
            }
            catch (Exception ex) when (IsTransient(ex) && time.GetElapsedTime(started) < _options.RecordResultFor)
            {
                logger.LogWarning("Outbox row {Id}: result not recorded yet ({Error}); retrying", row.Id, ex.GetType().Name);
                await Task.Delay(RetryBackoff.Delay(TimeSpan.FromMilliseconds(250), retry, TimeSpan.FromSeconds(2)), time, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception failure)
    {
        for (var ex = failure; ex is not null; ex = ex.InnerException)
        {
            if (ex is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<OutboxSendOutcome> RecordOnceAsync(OutboundMessage row, ZaloSendResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (result.IsSuccess)
        {
            await RememberSentAsync(result.MessageIds);
            await db.OutboundMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboundState.Sent)
                .SetProperty(m => m.ZaloMessageId, result.MessageIds.Count > 0 ? result.MessageIds[^1] : null)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.ErrorCode, (int?)null)
                .SetProperty(m => m.ErrorReason, (string?)null), cancellationToken);
            return OutboxSendOutcome.Finished;
        }

        var error = result.Error!;
        if (result.MessageIds.Count > 0)
        {
            await RememberSentAsync(result.MessageIds);
            await FinishAsync(row.Id, OutboundState.Failed, error.Code, $"partially sent ({result.MessageIds.Count} of {result.PartCount} parts); not resent: {error.Message}", cancellationToken);
            return OutboxSendOutcome.Finished;
        }

        if (error.Code == NightBanCode)
        {
            // -234: this message type may not be sent 22:00–06:00 (Vietnam time). Not a failure: send it after 06:00.
            var morning = NextMorning(now);
            await RequeueAsync(row.Id, morning, error.Code, ReasonOf(error) + "; rescheduled after 06:00", refundAttempt: true, cancellationToken);
            return OutboxSendOutcome.Requeued;
        }

        if (error.NotSent)
        {
            // Refused in this process (open circuit, our own limiter): Zalo never saw it, so no attempt is spent and
            // the delay does not grow. Counting these made a Zalo outage of a few minutes fail replies that were
            // never sent (20 refusals in a row) and left the rest up to 5 min behind once Zalo was back.
            var at = now + Clamp(error.NotSentRetryAfter!.Value, _options.RetryBaseDelay, NotSentMaxDelay);
            await RequeueAsync(row.Id, at, null, error.ToString(), refundAttempt: true, cancellationToken);
            return OutboxSendOutcome.Requeued;
        }

        switch (Classify(error))
        {
            case Verdict.NotDelivered when row.Attempts < _options.MaxAttempts:
                var delay = RetryBackoff.Delay(_options.RetryBaseDelay, row.Attempts, _options.RetryMaxDelay);
                await RequeueAsync(row.Id, now + delay, error.Code, error.ToString(), refundAttempt: false, cancellationToken);
                logger.LogWarning("Outbox row {Id} not delivered ({Category}, code {Code}); retry in {Delay}", row.Id, error.Category, error.Code, delay);
                return OutboxSendOutcome.Requeued;
            case Verdict.NotDelivered:
                await FinishAsync(row.Id, OutboundState.Failed, error.Code, $"gave up after {row.Attempts} attempts: {error.Message}", cancellationToken);
                return OutboxSendOutcome.Finished;
            case Verdict.Unknown when row.SafeToRepeat && row.Attempts < _options.MaxAttempts:
                // A bot reply: sending it again is harmless, missing it leaves the citizen without an answer.
                await db.OutboundMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, OutboundState.Queued)
                    .SetProperty(m => m.NextAttemptAt, now + _options.RetryBaseDelay)
                    .SetProperty(m => m.ClaimToken, (Guid?)null)
                    .SetProperty(m => m.AttemptedAt, (DateTimeOffset?)null)
                    .SetProperty(m => m.UnknownResends, m => m.UnknownResends + 1)
                    .SetProperty(m => m.ErrorCode, error.Code)
                    .SetProperty(m => m.ErrorReason, Trim($"outcome unknown ({error.Message}); sent again (a bot reply, safe to repeat)")), cancellationToken);
                logger.LogWarning("Outbox row {Id}: outcome unknown ({Error}); a bot reply, sent again", row.Id, error.Message);
                return OutboxSendOutcome.Requeued;
            case Verdict.Unknown:
                await FinishAsync(row.Id, OutboundState.Unknown, error.Code, $"{UnknownReasonPrefix} ({error.Message}); held: check with the citizen, then resend", cancellationToken);
                return OutboxSendOutcome.Finished;
            default:
                await FinishAsync(row.Id, OutboundState.Failed, error.Code, ReasonOf(error), cancellationToken);
                return OutboxSendOutcome.Finished;
        }
    }

    /// <summary>Longest wait after a refusal in this process: the circuit's break (5 s by default) is shorter.</summary>
    private static readonly TimeSpan NotSentMaxDelay = TimeSpan.FromSeconds(30);

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    /// <summary>How the reason of a held row starts (the stuck rule writes the same words).</summary>
    public const string UnknownReasonPrefix = "outcome unknown";

    private async Task RequeueAsync(long id, DateTimeOffset at, int? code, string reason, bool refundAttempt, CancellationToken cancellationToken) =>
        await db.OutboundMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboundState.Queued)
            .SetProperty(m => m.NextAttemptAt, at)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.AttemptedAt, (DateTimeOffset?)null)
            .SetProperty(m => m.Attempts, m => refundAttempt ? m.Attempts - 1 : m.Attempts)
            .SetProperty(m => m.ErrorCode, code)
            .SetProperty(m => m.ErrorReason, Trim(reason)), cancellationToken);

    private const int NightBanCode = -234;

    /// <summary>The next 06:05 in Vietnam after <paramref name="now"/> (five minutes past the end of Zalo's night ban).</summary>
    public static DateTimeOffset NextMorning(DateTimeOffset now)
    {
        var local = VietnamTime.Local(now);
        var morning = VietnamTime.At(DateOnly.FromDateTime(local.DateTime), new TimeOnly(6, 5));
        return (morning > local ? morning : morning.AddDays(1)).ToUniversalTime();
    }

    /// <summary>Human-readable reason stored on a failed row (shown to staff).</summary>
    public static string ReasonOf(ZaloError error) => error.Code switch
    {
        -230 or -232 => $"outside the 7-day window: the citizen has not interacted with the OA in the past 7 days ({error.Code})",
        -213 => "the citizen does not follow the OA (-213)",
        -217 => "the citizen blocked messages from the OA (-217)",
        -227 => "the citizen's account is banned or inactive for over 45 days (-227)",
        -234 => "messages of this type cannot be sent at night, 22:00–06:00 (-234)",
        -244 => "the citizen restricted this message type from the OA (-244)",
        _ => $"{error.Category} (code {error.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {error.Message}",
    };

    private static Verdict Classify(ZaloError error) => error switch
    {
        { Category: ZaloErrorCategory.TokenExpired } => Verdict.NotDelivered,
        { Category: ZaloErrorCategory.Retryable, MayHaveBeenDelivered: false } => Verdict.NotDelivered,
        // A gateway 502/503 without a Zalo envelope: the request did not reach the service behind it.
        { Category: ZaloErrorCategory.Retryable, Code: null, HttpStatus: 502 or 503 } => Verdict.NotDelivered,
        { Category: ZaloErrorCategory.Retryable } => Verdict.Unknown,
        { MayHaveBeenDelivered: true } => Verdict.Unknown,
        _ => Verdict.Final,
    };

    private async Task<ZaloSendResult> SendPayloadAsync(OutboundMessage row, OutboxPayload payload, CancellationToken cancellationToken)
    {
        if (payload.RequestUserInfo is { } form)
        {
            var image = form.ImageUrl is not null && Uri.TryCreate(form.ImageUrl, UriKind.Absolute, out var u) ? u : _options.FormImageUrl;
            return await zalo.SendRequestUserInfoAsync(row.ZaloUserId, form.Title, form.Subtitle, image, cancellationToken);
        }

        if (payload.ImageAttachmentId is { } attachmentId)
        {
            var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken)
                ?? throw new InvalidOperationException($"attachment {attachmentId} not found");
            return await zalo.SendImageAsync(row.ZaloUserId, attachment.Content, attachment.FileName ?? "image.jpg",
                string.IsNullOrWhiteSpace(payload.Text) ? null : payload.Text, cancellationToken);
        }

        if (payload.Buttons is { Count: > 0 } buttons)
        {
            return await zalo.SendTextWithButtonsAsync(row.ZaloUserId, payload.Text, [.. buttons.Select(ToZalo)], cancellationToken);
        }

        return await zalo.SendTextAsync(row.ZaloUserId, payload.Text, cancellationToken: cancellationToken);
    }

    private static ZaloButton ToZalo(OutboxButton button) => button.Kind switch
    {
        "query-show" => ZaloButton.QueryShow(button.Title, button.Payload),
        "query-hide" => ZaloButton.QueryHide(button.Title, button.Payload),
        "open-url" => ZaloButton.OpenUrl(button.Title, new Uri(button.Payload)),
        "open-phone" => ZaloButton.OpenPhone(button.Title, button.Payload),
        _ => throw new ArgumentException($"unknown button kind '{button.Kind}'"),
    };

    private async Task RememberSentAsync(IReadOnlyList<string> messageIds)
    {
        try
        {
            var redisDb = redis.GetDatabase();
            foreach (var id in messageIds)
            {
                // Fire and forget: no round trip on the send path; a lost marker only changes a debug log line.
                await redisDb.StringSetAsync(keys.Sent(id), "1", _options.SentMessageRetention, flags: CommandFlags.FireAndForget);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Only used to label dropped echoes; echoes without admin_id are dropped either way.
            logger.LogWarning("Could not remember sent message ids in Redis ({Error})", ex.GetType().Name);
        }
    }

    private async Task FinishAsync(long id, OutboundState state, int? code, string reason, CancellationToken cancellationToken) =>
        await db.OutboundMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, state)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ErrorCode, code)
            .SetProperty(m => m.ErrorReason, Trim(reason)), cancellationToken);

    private static string Trim(string value) => value.Length <= 1000 ? value : value[..1000];

    private enum Verdict
    {
        NotDelivered,
        Unknown,
        Final,
    }
}
