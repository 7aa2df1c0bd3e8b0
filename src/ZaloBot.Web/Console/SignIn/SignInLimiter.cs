using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.SignIn;

/// <summary>
/// The two limits of <see cref="SignInLimitOptions"/>, per client address and per account (the normalised e-mail,
/// known or not), as fixed windows counted in Redis: one script increments both counters, so every web pod sees the
/// same counts and N pods do not give an attacker N times the limit. Every attempt counts on both, refused or not.
/// The e-mail is kept only as a SHA-256 (attacker-chosen text of any length never becomes a key).
/// <para>Redis unreachable: the same limits in this process's memory (an attacker then gets at most N × the limit
/// across N pods for as long as Redis is down; Identity's lockout in PostgreSQL, 5 wrong passwords → 15 min, still
/// caps a real account). Sign-in keeps working.</para>
/// </summary>
public sealed class SignInLimiter(IConnectionMultiplexer redis, RedisKeys keys, IOptions<SignInLimitOptions> options, ILogger<SignInLimiter> logger) : IDisposable
{
    private static readonly LuaScript Count = LuaScript.Prepare("""
        local a = redis.call('INCR', @address)
        if a == 1 then redis.call('PEXPIRE', @address, @window) end
        local e = redis.call('INCR', @account)
        if e == 1 then redis.call('PEXPIRE', @account, @window) end
        if a > tonumber(@perAddress) or e > tonumber(@perAccount) then return 0 end
        return 1
        """);

    private readonly SignInLimitOptions _options = options.Value;

    private readonly PartitionedRateLimiter<string> _local = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith("a:", StringComparison.Ordinal) ? options.Value.PerAddress : options.Value.PerAccount,
            Window = options.Value.Window,
            QueueLimit = 0,
        }));

    /// <summary>False when this address or this account has used up its attempts for the window.</summary>
    public async Task<bool> TryAcquireAsync(IPAddress? address, string? email)
    {
        var ip = address?.ToString() ?? "";
        var account = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((email ?? "").Trim().ToUpperInvariant())));
        try
        {
            var allowed = await redis.GetDatabase().ScriptEvaluateAsync(Count, new
            {
                address = keys.SignInAddress(ip),
                account = keys.SignInAccount(account),
                window = (long)_options.Window.TotalMilliseconds,
                perAddress = _options.PerAddress,
                perAccount = _options.PerAccount,
            });
            return (long)allowed == 1;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Sign-in limits: Redis unreachable ({Error}); counting in this process", ex.GetType().Name);
            using var byAddress = _local.AttemptAcquire("a:" + ip);
            using var byAccount = _local.AttemptAcquire("e:" + account);
            return byAddress.IsAcquired && byAccount.IsAcquired;
        }
    }

    public void Dispose() => _local.Dispose();
}
