using System.Text.Json;
using System.Text.Unicode;

namespace ZaloBot.Zalo.Webhook;

/// <summary>
/// The one check every webhook body passes before anything reads a string from it (the MAC check included): valid
/// UTF-8 throughout and every JSON string decodable to UTF-16, i.e. no invalid bytes and no escaped lone surrogates
/// (<c>"\ud800"</c>). <see cref="JsonElement.GetString"/> throws <see cref="InvalidOperationException"/> on those,
/// which is not a <see cref="JsonException"/> and used to surface as a 500. U+0000 is refused too: no Zalo text
/// carries it and PostgreSQL <c>text</c> cannot store it, so it would fail every write of the event later.
/// </summary>
public static class ZaloWebhookBody
{
    /// <summary>
    /// Nesting allowed in a body. Zalo's deepest event (<c>user_submit_info</c>, attachments) nests 4 levels; 32 leaves
    /// room for unknown events and keeps a hostile body from costing a deep recursion later.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>True when <paramref name="body"/> is one well-formed JSON object whose strings are all valid text.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    // Only escaped strings can hide a lone surrogate (raw bytes were validated above); decoding one
                    // is the check.
                    if (reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }

            // The reader stops at the end of the first value; anything after it (a second object, garbage) fails here.
            return reader.BytesConsumed == body.Length || IsWhitespace(body[(int)reader.BytesConsumed..]);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> rest)
    {
        foreach (var b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
