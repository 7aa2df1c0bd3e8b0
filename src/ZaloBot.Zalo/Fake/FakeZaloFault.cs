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
}
