namespace ZaloBot.Zalo.Api;

/// <summary>A classified failure.</summary>
/// <param name="Category">What to do about it.</param>
/// <param name="Code">Zalo's <c>error</c> code; null for HTTP/transport failures without an envelope.</param>
/// <param name="Message">Zalo's <c>message</c>, or a short description of the transport failure.</param>
/// <param name="HttpStatus">The HTTP status when a response arrived.</param>
/// <param name="MayHaveBeenDelivered">
/// True when a send's outcome is unknown (timeout or 5xx after the request may have reached Zalo). Such a send was
/// NOT retried automatically; the outbox decides (e.g. check the conversation, or accept the risk) because a blind
/// resend can message a citizen twice.
/// </param>
/// <param name="NotSentRetryAfter">Set when the call never left this process (see <see cref="NotSent"/>).</param>
public sealed record ZaloError(
    ZaloErrorCategory Category,
    int? Code,
    string Message,
    int? HttpStatus = null,
    bool MayHaveBeenDelivered = false,
    TimeSpan? NotSentRetryAfter = null)
{
    /// <summary>
    /// True when the call never left this process (the circuit was open, or our own rate limiter refused it): nothing
    /// reached Zalo, so a caller that counts attempts should not count this one. <see cref="NotSentRetryAfter"/> is when
    /// the refusal ends (the circuit's remaining break, the limiter's wait), zero when unknown.
    /// </summary>
    public bool NotSent => NotSentRetryAfter is not null;

    public override string ToString() =>
        $"{Category} (code {Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, http {HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {Message}";
}
