using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Webhook.Fuzz;

/// <summary>
/// Generates hostile webhook bodies from a seeded corpus: every event family of <see cref="Fixtures"/>, the channel
/// library's recorded payloads, and shapes Zalo might send that the parser does not expect (reactions of other
/// shapes, unknown events). Each body is one mutation of a corpus body; the same seed gives the same bodies, so a
/// failure is reproduced by its seed and index.
/// </summary>
public sealed class WebhookFuzzer
{
    /// <summary>String values that have broken parsers: lone surrogates (escaped), NUL, huge, odd Unicode.</summary>
    private static readonly string[] EscapedStrings =
    [
        "\\ud800", "\\udfff", "x\\ud83d", "\\udc00\\ud800", "\\ud83d\\ude00", "\\u0000", "a\\u0000b", "\\uFFFF", "\\uFEFF",
        "", " ", "null", "-1", "1e999", "\\\"", "\\\\", "\\/", "\\b\\f\\n\\r\\t", "Xin ch\\u00e0o",
    ];

    /// <summary>Byte sequences that are not UTF-8: a lone continuation, overlong, an encoded surrogate, 0xFF.</summary>
    private static readonly byte[][] InvalidUtf8 =
    [
        [0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
    ];

    private static readonly string[] Scalars =
    [
        "null", "true", "false", "0", "-0", "1.5", "-9223372036854775809", "18446744073709551616", "1e400", "[]", "{}",
        "[[[[[]]]]]", "{\"id\":{}}", "[\"a\",1,null]", "\"\"",
    ];

    private static readonly string[] EventNames =
    [
        "user_send_text", "user_send_image", "user_send_file", "user_send_", "user_send_unknown_kind", "anonymous_send_text",
        "oa_send_text", "oa_send_", "follow", "unfollow", "user_submit_info", "user_received_message", "user_seen_message",
        "user_reacted_message", "oa_reacted_message", "add_user_to_tag", "shop_has_order", "", "_send_", "USER_SEND_TEXT",
    ];

    private readonly Random _random;
    private readonly List<string> _corpus;

    public WebhookFuzzer(int seed, IEnumerable<string> corpus)
    {
        _random = new Random(seed);
        _corpus = [.. corpus, .. OddShapes()];
    }

    /// <summary>Fuzz users: a small set so conversations accumulate state, as a real citizen's would.</summary>
    public static string User(int n) => "fuzz-" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Corpus size (seed bodies plus odd shapes).</summary>
    public int CorpusSize => _corpus.Count;

    /// <summary>The next body: a corpus body, freshly stamped, with one or two mutations.</summary>
    public byte[] Next()
    {
        var json = Restamp(_corpus[_random.Next(_corpus.Count)]);
        var mutations = _random.Next(1, 3);
        byte[] body = Encoding.UTF8.GetBytes(json);
        for (var i = 0; i < mutations; i++)
        {
            body = Mutate(body);
        }

        return body;
    }

    /// <summary>True for about half of the bodies: those are sent with a valid MAC, so they pass the check.</summary>
    public bool NextSigned() => _random.Next(2) == 0;

    private byte[] Mutate(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        switch (_random.Next(12))
        {
            case 0:
                return ReplaceStringValue(text, EscapedStrings[_random.Next(EscapedStrings.Length)]);
            case 1:
                return InsertBytesInString(body, InvalidUtf8[_random.Next(InvalidUtf8.Length)]);
            case 2:
                return ReplaceAnyValue(text, Scalars[_random.Next(Scalars.Length)]);
            case 3:
                return Encoding.UTF8.GetBytes(text[.._random.Next(text.Length + 1)]);
            case 4:
                return ReplaceStringValue(text, new string((char)('0' + _random.Next(10)), _random.Next(60, 3000)));
            case 5:
                return SetField(text, "event_name", "\"" + EventNames[_random.Next(EventNames.Length)] + "\"");
            case 6:
                return SetField(text, "sender", _random.Next(3) switch
                {
                    0 => "{\"id\":\"" + new string('9', _random.Next(60, 200)) + "\"}",
                    1 => Scalars[_random.Next(Scalars.Length)],
                    _ => "{\"id\":" + Scalars[_random.Next(Scalars.Length)] + "}",
                });
            case 7:
                return SetField(text, "message", Scalars[_random.Next(Scalars.Length)]);
            case 8:
                var depth = _random.Next(20, 200);
                return Encoding.UTF8.GetBytes(text.TrimEnd('}') + ",\"deep\":" + new string('[', depth) + new string(']', depth) + "}");
            case 9:
                var flipped = (byte[])body.Clone();
                if (flipped.Length > 0)
                {
                    flipped[_random.Next(flipped.Length)] = (byte)_random.Next(256);
                }

                return flipped;
            case 10:
                return Encoding.UTF8.GetBytes(_random.Next(4) switch
                {
                    0 => "[" + text + "]",
                    1 => text + text,
                    2 => "\uFEFF" + text,
                    _ => Scalars[_random.Next(Scalars.Length)],
                });
            default:
                return SetField(text, "timestamp", _random.Next(4) switch
                {
                    0 => "\"1\"",
                    1 => "\"99999999999999999999999\"",
                    2 => "1" + new string('0', 12),
                    _ => "\"\\ud800\"",
                });
        }
    }

    /// <summary>Replaces the n-th JSON string value (not a key) with raw JSON string content.</summary>
    private byte[] ReplaceStringValue(string json, string content)
    {
        var spans = StringValueSpans(json);
        if (spans.Count == 0)
        {
            return Encoding.UTF8.GetBytes(json);
        }

        var (start, end) = spans[_random.Next(spans.Count)];
        return Encoding.UTF8.GetBytes(string.Concat(json.AsSpan(0, start + 1), content, json.AsSpan(end)));
    }

    private byte[] ReplaceAnyValue(string json, string value)
    {
        var spans = StringValueSpans(json);
        if (spans.Count == 0)
        {
            return Encoding.UTF8.GetBytes(json);
        }

        var (start, end) = spans[_random.Next(spans.Count)];
        return Encoding.UTF8.GetBytes(string.Concat(json.AsSpan(0, start), value, json.AsSpan(end + 1)));
    }

    private byte[] InsertBytesInString(byte[] body, byte[] bytes)
    {
        var json = Encoding.UTF8.GetString(body);
        var spans = StringValueSpans(json);
        if (spans.Count == 0)
        {
            return [.. body, .. bytes];
        }

        var (start, _) = spans[_random.Next(spans.Count)];
        var at = Encoding.UTF8.GetByteCount(json.AsSpan(0, start + 1));
        return [.. body.AsSpan(0, at), .. bytes, .. body.AsSpan(at)];
    }

    private static byte[] SetField(string json, string name, string rawValue)
    {
        try
        {
            if (JsonNode.Parse(json) is JsonObject obj)
            {
                obj[name] = JsonNode.Parse(rawValue);
                return Encoding.UTF8.GetBytes(obj.ToJsonString());
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            // Already broken or a value JsonNode cannot hold (lone surrogate): splice it in as text instead.
        }

        return Encoding.UTF8.GetBytes(json.TrimEnd().TrimEnd('}') + ",\"" + name + "\":" + rawValue + "}");
    }

    /// <summary>(index of opening quote, index of closing quote) of every string value that follows a colon or sits in an array.</summary>
    private static List<(int Start, int End)> StringValueSpans(string json)
    {
        var spans = new List<(int, int)>();
        var previous = '\0';
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '"')
            {
                var end = i + 1;
                while (end < json.Length && json[end] != '"')
                {
                    end += json[end] == '\\' ? 2 : 1;
                }

                if (end >= json.Length)
                {
                    break;
                }

                if (previous is ':' or '[' or ',' && (end + 1 >= json.Length || json[end + 1] != ':'))
                {
                    spans.Add((i, end));
                }

                previous = '"';
                i = end;
            }
            else if (!char.IsWhiteSpace(c))
            {
                previous = c;
            }
        }

        return spans;
    }

    /// <summary>A fresh timestamp, a new msg_id and one of the fuzz users, so mutated bodies are not stale or duplicates.</summary>
    private string Restamp(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["timestamp"] = ZaloEvents.NextTimestamp();
        if (node["message"] is JsonObject message && message["msg_id"] is not null)
        {
            message["msg_id"] = "fz" + _random.NextInt64().ToString("x", CultureInfo.InvariantCulture);
        }

        var user = User(_random.Next(50));
        if (node["sender"] is JsonObject sender && sender["id"]?.ToString() != ZaloBotFactory.OaId)
        {
            sender["id"] = user;
        }
        else if (node["recipient"] is JsonObject recipient && recipient["id"]?.ToString() != ZaloBotFactory.OaId)
        {
            recipient["id"] = user;
        }
        else if (node["follower"] is JsonObject follower)
        {
            follower["id"] = user;
        }

        return node.ToJsonString();
    }

    /// <summary>Shapes outside the documented ones: a reaction whose message is not an object, an unknown event, …</summary>
    private static IEnumerable<string> OddShapes()
    {
        string Event(string name, string message) =>
            $$"""{"app_id":"{{ZaloBotFactory.AppId}}","event_name":"{{name}}","sender":{"id":"fuzz-0"},"recipient":{"id":"{{ZaloBotFactory.OaId}}"},"message":{{message}},"timestamp":"1"}""";
        yield return Event("user_reacted_message", """{"msg_id":"m1","react_icon":"/-heart"}""");
        yield return Event("user_reacted_message", """{"msg_id":{"id":"m1"},"react_icon":["/-heart"]}""");
        yield return Event("user_reacted_message", "\"/-heart\"");
        yield return Event("user_reacted_message", """{"react_icon":"/-remove","msg_ids":["m1","m2"]}""");
        yield return Event("user_reacted_message", """{"msg_id":123456789012345678901234567890,"react_icon":null}""");
        yield return Event("user_send_text", """{"msg_id":"m2","text":{"vi":"xin chào"}}""");
        yield return Event("user_send_image", """{"msg_id":"m3","attachments":{"type":"image"}}""");
        yield return Event("user_send_image", """{"msg_id":"m4","attachments":[null,1,"x",{"type":"image","payload":"url"}]}""");
        yield return Event("user_send_business_card", """{"msg_id":"m5","attachments":[{"type":"contact","payload":{"description":"{\"phone\":{}}"}}]}""");
        yield return Event("user_seen_message", """{"msg_ids":"m1"}""");
        yield return Event("user_submit_info", """{"msg_id":"m6"}""");
        yield return $$"""{"app_id":"{{ZaloBotFactory.AppId}}","oa_id":"{{ZaloBotFactory.OaId}}","event_name":"shop_has_order","order":{"id":1},"timestamp":"1"}""";
    }
}
