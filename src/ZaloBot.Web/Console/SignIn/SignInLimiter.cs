using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ZaloBot.Web.Console.SignIn;

/// <summary>
/// The per-account limit of <see cref="SignInLimitOptions"/> (the per-address one is the page's rate-limiter policy):
/// keyed by the normalised e-mail, so it counts unknown addresses too. In memory, per instance: with N web instances
/// an attacker gets N times the limit, which lockout (in PostgreSQL) still caps for real accounts.
/// </summary>
public sealed class SignInLimiter(IOptions<SignInLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PerAccount,
            Window = options.Value.Window,
            QueueLimit = 0,
        }));

    /// <summary>False when this account has used up its attempts for the window.</summary>
    public bool TryAcquire(string? email)
    {
        using var lease = _limiter.AttemptAcquire((email ?? "").Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
