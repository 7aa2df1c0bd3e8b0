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
public sealed record ZaloError(
    ZaloErrorCategory Category,
    int? Code,
    string Message,
    int? HttpStatus = null,
    bool MayHaveBeenDelivered = false)
{
    public override string ToString() =>
        $"{Category} (code {Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, http {HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {Message}";
}
