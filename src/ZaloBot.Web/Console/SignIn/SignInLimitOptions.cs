using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Console.SignIn;

/// <summary>
/// Section "Console:SignIn": how many sign-in attempts are allowed per window, per client address and per account
/// (fixed windows counted in Redis by <see cref="SignInLimiter"/>, shared by every web pod). Identity's lockout (5 wrong passwords → 15 min) protects a known
/// account; these limits also stop password spraying across accounts from one address and guessing one account from
/// many addresses, and keep failed attempts from flooding the audit log.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "Console:SignIn";

    /// <summary>Attempts per client address and window. 20: an office behind one NAT address signs in a dozen people at 8:00.</summary>
    [Range(1, 10_000)]
    public int PerAddress { get; set; } = 20;

    /// <summary>Attempts per e-mail address and window, known or not. 10 is twice the lockout threshold.</summary>
    [Range(1, 10_000)]
    public int PerAccount { get; set; } = 10;

    /// <summary>The window of both limits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
