namespace ZaloBot.Zalo.Fake;

/// <summary>A failure the fake injects on the next API calls (see <see cref="FakeZaloState.FailNext"/>).</summary>
public enum FakeZaloFault
{
    /// <summary>HTTP 200 with <c>error = -32</c> ("reached limit call api"), as Zalo does above 4,000 req/min.</summary>
    RateLimited,

    /// <summary>HTTP 503 with a plain-text body (no envelope), like a failing gateway.</summary>
    ServerError,

    /// <summary>HTTP 200 <c>error = -200</c> "Send message failed".</summary>
    SendFailed,

    /// <summary>
    /// A send is accepted (the citizen gets it) but the answer comes only after
    /// <see cref="FakeZaloState.DeliveredTimeoutDelay"/>: the client times out and cannot know it was delivered.
    /// Sends only; other calls let it wait in the queue.
    /// </summary>
    DeliveredThenTimeout,

    /// <summary>A send is accepted, then the connection is cut before the answer (outcome unknown to the client). Sends only.</summary>
    DeliveredThenReset,
}
