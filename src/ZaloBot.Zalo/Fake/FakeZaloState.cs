using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ZaloBot.Zalo.Tokens;

namespace ZaloBot.Zalo.Fake;

/// <summary>
/// The in-memory state of the fake Zalo OpenAPI, and the C# control surface for tests and the dev console.
/// Thread-safe. Time (windows, token and upload expiry) comes from the registered <see cref="TimeProvider"/>, so a
/// test can host the fake with a <c>FakeTimeProvider</c>; injected latency is real wall time (it is what the
/// client's timeouts see).
/// </summary>
public sealed class FakeZaloState(TimeProvider time, IOptions<FakeZaloOptions> options)
{
    /// <summary>CS messages are free ≤ 48 h after the user's last interaction.</summary>
    public static readonly TimeSpan FreeWindow = TimeSpan.FromHours(48);

    /// <summary>After 7 days without interaction Zalo rejects CS messages with -230.</summary>
    public static readonly TimeSpan HardWindow = TimeSpan.FromDays(7);

    /// <summary>Uploaded attachment ids live 7 days, then -100.</summary>
    public static readonly TimeSpan AttachmentLifetime = TimeSpan.FromDays(7);

    private readonly Lock _lock = new();
    private readonly FakeZaloOptions _options = options.Value;
    private readonly Dictionary<string, DateTimeOffset> _lastInteraction = [];
    private readonly Dictionary<string, (string DisplayName, bool IsFollower)> _profiles = [];
    private readonly Dictionary<string, DateTimeOffset> _uploads = [];
    private readonly List<FakeZaloSentMessage> _messages = [];
    private readonly Queue<FakeZaloFault?> _faults = new();
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private string? _accessToken;
    private DateTimeOffset _accessTokenExpiresAt;
    private string? _refreshToken;
    private int _refreshCount;
    private int _codeExchangeCount;
    private readonly Dictionary<string, (string Challenge, Uri RedirectUri, DateTimeOffset ExpiresAt)> _codes = [];

    /// <summary>Authorization codes are valid 10 minutes and single-use (§7.2).</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public FakeZaloOptions Options => _options;

    public TimeProvider Time => time;

    /// <summary>When false, the 7-day window is not checked (every user can be messaged). Default true.</summary>
    public bool EnforceInteractionWindow { get; set; } = true;

    /// <summary>Added before every API answer (not control endpoints). Default zero.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>How many successful token refreshes happened.</summary>
    public int RefreshCount
    {
        get { lock (_lock) return _refreshCount; }
    }

    /// <summary>Issues a fresh token pair (as the console's API Explorer would) and makes it the only valid one.</summary>
    public ZaloTokenSet IssueTokens()
    {
        lock (_lock)
        {
            return RotateTokens();
        }
    }

    /// <summary>How many authorization codes were exchanged for a pair.</summary>
    public int CodeExchangeCount
    {
        get { lock (_lock) return _codeExchangeCount; }
    }

    /// <summary>The OA admin allowed the app: a code bound to the PKCE challenge of the consent link.</summary>
    public string IssueCode(string codeChallenge, Uri redirectUri)
    {
        lock (_lock)
        {
            var code = "fake-code-" + NewId(16);
            _codes[code] = (codeChallenge, redirectUri, time.GetUtcNow() + CodeLifetime);
            return code;
        }
    }

    /// <summary>Spends <paramref name="code"/> if valid and <paramref name="codeVerifier"/> matches its S256 challenge; a new pair.</summary>
    public ZaloTokenSet? ExchangeCode(string code, string codeVerifier, out string? failure)
    {
        lock (_lock)
        {
            if (!_codes.Remove(code, out var issued))
            {
                failure = "code is invalid or already used";
                return null;
            }

            if (time.GetUtcNow() >= issued.ExpiresAt)
            {
                failure = "code has expired";
                return null;
            }

            if (issued.Challenge.Length > 0 && ZaloPkce.ChallengeOf(codeVerifier) != issued.Challenge)
            {
                failure = "code_verifier does not match code_challenge";
                return null;
            }

            failure = null;
            _codeExchangeCount++;
            return RotateTokens();
        }
    }

    /// <summary>Makes the current access token expired: calls answer -220 until the client refreshes.</summary>
    public void ExpireAccessToken()
    {
        lock (_lock)
        {
            _accessTokenExpiresAt = time.GetUtcNow();
        }
    }

    /// <summary>Tells the fake when the user last interacted (message, follow, button tap…).</summary>
    public void SetLastInteraction(string userId, DateTimeOffset at)
    {
        lock (_lock)
        {
            _lastInteraction[userId] = at;
        }
    }

    /// <summary>A profile for <c>user/detail</c>.</summary>
    public void SetUserProfile(string userId, string displayName, bool isFollower = true)
    {
        lock (_lock)
        {
            _profiles[userId] = (displayName, isFollower);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> API calls (any endpoint but control) fail with <paramref name="fault"/>,
    /// after letting <paramref name="afterCalls"/> calls through.
    /// </summary>
    public void FailNext(FakeZaloFault fault, int count = 1, int afterCalls = 0)
    {
        lock (_lock)
        {
            for (var i = 0; i < afterCalls; i++)
            {
                _faults.Enqueue(null);
            }

            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>Messages accepted for a user, oldest first.</summary>
    public IReadOnlyList<FakeZaloSentMessage> GetMessages(string userId)
    {
        lock (_lock)
        {
            return [.. _messages.Where(m => m.UserId == userId)];
        }
    }

    /// <summary>Every accepted message, oldest first.</summary>
    public IReadOnlyList<FakeZaloSentMessage> GetAllMessages()
    {
        lock (_lock)
        {
            return [.. _messages];
        }
    }

    /// <summary>Requests received per endpoint (<c>message/cs</c>, <c>upload/image</c>, <c>user/detail</c>, <c>quota/message</c>, <c>access_token</c>), including failed ones.</summary>
    public int RequestCount(string endpoint) => _requests.TryGetValue(endpoint, out var n) ? n : 0;

    /// <summary>Forgets everything except the options (tokens, messages, faults, interactions, counters).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _lastInteraction.Clear();
            _profiles.Clear();
            _uploads.Clear();
            _messages.Clear();
            _faults.Clear();
            _requests.Clear();
            _accessToken = null;
            _refreshToken = null;
            _refreshCount = 0;
            _codeExchangeCount = 0;
            _codes.Clear();
            EnforceInteractionWindow = true;
            Latency = TimeSpan.Zero;
            SendsPerMinuteLimit = null;
            _recentSends.Clear();
            _rateLimitedCount = 0;
        }
    }

    internal void CountRequest(string endpoint) => _requests.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    internal FakeZaloFault? TakeFault(bool isSend = false)
    {
        lock (_lock)
        {
            if (!isSend && _faults.TryPeek(out var head) && head is FakeZaloFault.DeliveredThenTimeout or FakeZaloFault.DeliveredThenReset)
            {
                return null; // an after-send fault waits for a send
            }

            return _faults.TryDequeue(out var f) ? f : null; // a null entry lets one call through
        }
    }

    /// <summary>How long a <see cref="FakeZaloFault.DeliveredThenTimeout"/> answer waits. Default 15 s (the client's attempt timeout is 10 s).</summary>
    public TimeSpan DeliveredTimeoutDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// When set, sends above this many in any 60 s get <c>-32</c>, as Zalo does above 4,000/min per app. Null (default): off.
    /// </summary>
    public int? SendsPerMinuteLimit { get; set; }

    private readonly Queue<DateTimeOffset> _recentSends = new();
    private int _rateLimitedCount;

    /// <summary>Sends refused with -32 by <see cref="SendsPerMinuteLimit"/> (not by injected faults).</summary>
    public int RateLimitedCount
    {
        get { lock (_lock) return _rateLimitedCount; }
    }

    /// <summary>Counts a send against <see cref="SendsPerMinuteLimit"/>; false when it is over the limit (answer -32).</summary>
    internal bool TryCountSend()
    {
        lock (_lock)
        {
            if (SendsPerMinuteLimit is not { } limit)
            {
                return true;
            }

            var now = time.GetUtcNow();
            while (_recentSends.TryPeek(out var at) && now - at >= TimeSpan.FromMinutes(1))
            {
                _recentSends.Dequeue();
            }

            if (_recentSends.Count >= limit)
            {
                _rateLimitedCount++;
                return false;
            }

            _recentSends.Enqueue(now);
            return true;
        }
    }

    /// <summary>0 when valid; -216 unknown/revoked; -220 expired.</summary>
    internal int CheckAccessToken(string? token)
    {
        lock (_lock)
        {
            if (string.IsNullOrEmpty(token) || token != _accessToken)
            {
                return -216;
            }

            return time.GetUtcNow() >= _accessTokenExpiresAt ? -220 : 0;
        }
    }

    /// <summary>Spends <paramref name="refreshToken"/> (single use) and issues a new pair; null if it is not the current one.</summary>
    internal ZaloTokenSet? Refresh(string refreshToken)
    {
        lock (_lock)
        {
            if (_refreshToken is null || refreshToken != _refreshToken)
            {
                return null;
            }

            _refreshCount++;
            return RotateTokens();
        }
    }

    /// <summary>True when the user is past the 7-day window (→ -230). Sets <paramref name="paid"/> for 48 h–7 d.</summary>
    internal bool IsOutsideWindow(string userId, out bool paid)
    {
        paid = false;
        lock (_lock)
        {
            if (!EnforceInteractionWindow)
            {
                return false;
            }

            if (!_lastInteraction.TryGetValue(userId, out var last))
            {
                return true;
            }

            var age = time.GetUtcNow() - last;
            paid = age > FreeWindow;
            return age > HardWindow;
        }
    }

    internal DateTimeOffset? LastInteraction(string userId)
    {
        lock (_lock)
        {
            return _lastInteraction.TryGetValue(userId, out var at) ? at : null;
        }
    }

    internal (string DisplayName, bool IsFollower)? Profile(string userId)
    {
        lock (_lock)
        {
            return _profiles.TryGetValue(userId, out var p) ? p : null;
        }
    }

    internal string AddUpload()
    {
        var id = NewId(16);
        lock (_lock)
        {
            _uploads[id] = time.GetUtcNow();
        }

        return id;
    }

    /// <summary>0 when usable, -100 expired, -201 unknown.</summary>
    internal int CheckUpload(string attachmentId)
    {
        lock (_lock)
        {
            if (!_uploads.TryGetValue(attachmentId, out var at))
            {
                return -201;
            }

            return time.GetUtcNow() - at > AttachmentLifetime ? -100 : 0;
        }
    }

    internal void Record(FakeZaloSentMessage message)
    {
        lock (_lock)
        {
            _messages.Add(message);
        }
    }

    internal static string NewId(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    private ZaloTokenSet RotateTokens()
    {
        // The previous access token dies with the rotation (answers -216), as one source reports for the real API.
        var now = time.GetUtcNow();
        _accessToken = "fake-at-" + NewId(24);
        _refreshToken = "fake-rt-" + NewId(24);
        _accessTokenExpiresAt = now + _options.AccessTokenLifetime;
        return new ZaloTokenSet(_accessToken, _refreshToken, _accessTokenExpiresAt, now);
    }
}
