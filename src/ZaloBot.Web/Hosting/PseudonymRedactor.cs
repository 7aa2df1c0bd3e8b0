using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Compliance.Redaction;

namespace ZaloBot.Web.Hosting;

/// <summary>
/// Replaces a citizen's Zalo id in logs by a pseudonym, <c>u:</c> + 12 hex digits of HMAC-SHA256 under a key made
/// when the process starts: the lines of one citizen still correlate within a process, but the id cannot be read
/// back or looked up (it is a key to their conversations and tickets). Across restarts and instances pseudonyms
/// differ; that is the price of not having a key to manage.
/// </summary>
public sealed class PseudonymRedactor : Redactor
{
    private const int Length = 2 + 12;
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public override int GetRedactedLength(ReadOnlySpan<char> input) => input.IsEmpty ? 0 : Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.IsEmpty)
        {
            return 0;
        }

        Span<byte> mac = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(source.ToArray());
        HMACSHA256.HashData(Key, bytes, mac);
        "u:".CopyTo(destination);
        Convert.ToHexStringLower(mac[..6]).CopyTo(destination[2..]);
        return Length;
    }
}
