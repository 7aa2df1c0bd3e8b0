using System.Text;
using System.Text.Json;

namespace ZaloBot.Zalo.Events;

/// <summary>
/// Parses a verified webhook body into a typed <see cref="ZaloEvent"/>. Never throws for unknown events, missing
/// optional fields or fields of an unexpected type (an object where a string was expected reads as absent); throws
/// <see cref="JsonException"/> only when the body is not a JSON object or a string in it is not valid text (an
/// escaped lone surrogate), which <see cref="Webhook.ZaloWebhookBody.IsWellFormed"/> rejects before this runs.
/// <para>Direction rules (who is the user, who is the OA):</para>
/// <list type="bullet">
/// <item><c>user_send_*</c>, <c>user_submit_info</c>, <c>user_reacted_message</c>, <c>anonymous_send_*</c>: user = <c>sender.id</c>, OA = <c>recipient.id</c>.</item>
/// <item><c>oa_send_*</c>, <c>user_received_message</c>, <c>user_seen_message</c>: user = <c>recipient.id</c>, OA = <c>sender.id</c>.</item>
/// <item><c>follow</c>, <c>unfollow</c> and management events: user = <c>follower.id</c> (or <c>user_id</c>), OA = top-level <c>oa_id</c>.</item>
/// <item>Anything else: OA = <c>oa_id</c>, else whichever of sender/recipient is one of <c>knownOaIds</c>; the user is the other.</item>
/// </list>
/// A top-level <c>oa_id</c>, when present, always wins for the OA.
/// </summary>
public static class ZaloEventParser
{
    public static ZaloEvent Parse(ReadOnlySpan<byte> rawBody, IReadOnlyCollection<string>? knownOaIds = null) =>
        Parse(Encoding.UTF8.GetString(rawBody), knownOaIds);

    public static ZaloEvent Parse(string rawJson, IReadOnlyCollection<string>? knownOaIds = null)
    {
        using var doc = JsonDocument.Parse(rawJson);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A Zalo webhook body must be a JSON object.");
        }

        var eventName = Str(root, "event_name") ?? "";
        var timestamp = Str(root, "timestamp") ?? "";
        var senderId = Str(Obj(root, "sender"), "id");
        var recipientId = Str(Obj(root, "recipient"), "id");
        var (userId, oaId) = ResolveParties(eventName, root, senderId, recipientId, knownOaIds);
        var message = Obj(root, "message");
        var msgId = Str(message, "msg_id");

        ZaloEvent evt;
        if (eventName.StartsWith("user_send_", StringComparison.Ordinal)
            || eventName.StartsWith("anonymous_send_", StringComparison.Ordinal))
        {
            var kind = KindOf(eventName);
            evt = new UserMessageEvent
            {
                EventName = eventName, Timestamp = timestamp, RawJson = rawJson, DedupeKey = "",
                Kind = kind,
                MessageId = msgId ?? "",
                Text = Str(message, "text"),
                QuoteMessageId = Str(message, "quote_msg_id"),
                Attachments = ParseAttachments(message, kind),
            };
        }
        else if (eventName.StartsWith("oa_send_", StringComparison.Ordinal))
        {
            var kind = KindOf(eventName);
            evt = new OaMessageEchoEvent
            {
                EventName = eventName, Timestamp = timestamp, RawJson = rawJson, DedupeKey = "",
                Kind = kind,
                MessageId = msgId ?? "",
                Text = Str(message, "text"),
                AdminId = Str(Obj(root, "sender"), "admin_id"),
                Attachments = ParseAttachments(message, kind),
            };
        }
        else
        {
            evt = eventName switch
            {
                "follow" => new FollowEvent
                {
                    EventName = eventName, Timestamp = timestamp, RawJson = rawJson, DedupeKey = "",
                    Source = Str(root, "source"),
                },
                "unfollow" => new UnfollowEvent
                {
                    EventName = eventName, Timestamp = timestamp, RawJson = rawJson, DedupeKey = "",
                    Source = Str(root, "source"),
                },
                "user_submit_info" => ParseSubmitInfo(root, eventName, timestamp, rawJson),
                "user_received_message" => new MessageReceivedEvent
                {
                    EventName = eventName, Timestamp = timestamp, RawJson = rawJson, DedupeKey = "",
                    MessageId = msgId ?? "",
                },
                "user_seen_message" => new MessageSeenEvent
                {
                    EventName = eventName, Timestamp = timestamp, RawJson = rawJson, DedupeKey = "",
                    MessageIds = StrArray(message, "msg_ids"),
                },
                "user_reacted_message" => new UserReactedEvent
                {
                    EventName = eventName, Timestamp = timestamp, RawJson = rawJson, DedupeKey = "",
                    MessageId = msgId ?? "",
                    ReactIcon = Str(message, "react_icon"),
                },
                _ => new UnknownZaloEvent { EventName = eventName, Timestamp = timestamp, RawJson = rawJson, DedupeKey = "" },
            };
        }

        return evt with
        {
            AppId = Str(root, "app_id"),
            OaId = oaId,
            UserId = userId,
            UserIdByApp = Str(root, "user_id_by_app"),
            DedupeKey = DedupeKeyOf(evt, eventName, timestamp, userId),
        };
    }

    private static string DedupeKeyOf(ZaloEvent evt, string eventName, string timestamp, string? userId)
    {
        var own = evt switch
        {
            UserMessageEvent m => m.MessageId,
            OaMessageEchoEvent m => m.MessageId,
            _ => "",
        };
        if (own.Length > 0)
        {
            return own;
        }

        var refs = evt switch
        {
            MessageReceivedEvent r => r.MessageId,
            MessageSeenEvent s => string.Join(',', s.MessageIds),
            UserReactedEvent r => r.MessageId + ":" + r.ReactIcon,
            _ => null,
        };
        var key = $"{eventName}|{timestamp}|{userId}";
        return string.IsNullOrEmpty(refs) ? key : key + "|" + refs;
    }

    private static (string? User, string? Oa) ResolveParties(
        string eventName, JsonElement root, string? senderId, string? recipientId, IReadOnlyCollection<string>? knownOaIds)
    {
        var topOaId = Str(root, "oa_id");
        var followerId = Str(Obj(root, "follower"), "id") ?? Str(root, "user_id");

        if (eventName.StartsWith("user_send_", StringComparison.Ordinal)
            || eventName.StartsWith("anonymous_send_", StringComparison.Ordinal)
            || eventName is "user_submit_info" or "user_reacted_message")
        {
            return (senderId, topOaId ?? recipientId);
        }

        if (eventName.StartsWith("oa_send_", StringComparison.Ordinal)
            || eventName is "user_received_message" or "user_seen_message")
        {
            return (recipientId, topOaId ?? senderId);
        }

        if (followerId is not null)
        {
            return (followerId, topOaId ?? senderId ?? recipientId);
        }

        if (knownOaIds is not null)
        {
            if (senderId is not null && knownOaIds.Contains(senderId))
            {
                return (recipientId, topOaId ?? senderId);
            }

            if (recipientId is not null && knownOaIds.Contains(recipientId))
            {
                return (senderId, topOaId ?? recipientId);
            }
        }

        return (null, topOaId);
    }

    private static ZaloMessageKind KindOf(string eventName)
    {
        var suffix = eventName[(eventName.LastIndexOf("_send_", StringComparison.Ordinal) + "_send_".Length)..];
        return suffix switch
        {
            "text" => ZaloMessageKind.Text,
            "image" => ZaloMessageKind.Image,
            "file" => ZaloMessageKind.File,
            "location" => ZaloMessageKind.Location,
            "sticker" => ZaloMessageKind.Sticker,
            "link" => ZaloMessageKind.Link,
            "audio" => ZaloMessageKind.Audio,
            "video" => ZaloMessageKind.Video,
            "gif" => ZaloMessageKind.Gif,
            "business_card" => ZaloMessageKind.BusinessCard,
            "list" => ZaloMessageKind.List,
            "template" => ZaloMessageKind.Template,
            _ => ZaloMessageKind.Unknown,
        };
    }

    private static List<ZaloAttachment> ParseAttachments(JsonElement message, ZaloMessageKind kind)
    {
        var list = new List<ZaloAttachment>();
        if (message.ValueKind != JsonValueKind.Object
            || !message.TryGetProperty("attachments", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        foreach (var item in items.EnumerateArray())
        {
            var type = Str(item, "type") ?? "";
            var p = Obj(item, "payload");
            // The business-card attachment type is not confirmed by any source; the event name decides.
            if (kind == ZaloMessageKind.BusinessCard)
            {
                type = type.Length == 0 ? "business_card" : type;
                var description = Str(p, "description");
                list.Add(new BusinessCardAttachment
                {
                    Type = type, Url = Str(p, "url"), Thumbnail = Str(p, "thumbnail"),
                    Description = description, Phone = PhoneFromCardDescription(description),
                });
                continue;
            }

            list.Add(type switch
            {
                "image" => new ImageAttachment { Type = type, Url = Str(p, "url"), Thumbnail = Str(p, "thumbnail") },
                "gif" => new GifAttachment { Type = type, Url = Str(p, "url"), Thumbnail = Str(p, "thumbnail") },
                "sticker" => new StickerAttachment { Type = type, Id = Str(p, "id"), Url = Str(p, "url") },
                "audio" => new AudioAttachment { Type = type, Url = Str(p, "url") },
                "video" => new VideoAttachment
                {
                    Type = type, Url = Str(p, "url"), Thumbnail = Str(p, "thumbnail"), Description = Str(p, "description"),
                },
                "file" => new FileAttachment
                {
                    Type = type, Url = Str(p, "url"), Name = Str(p, "name"), Size = Str(p, "size"),
                    FileType = Str(p, "type"), Checksum = Str(p, "checksum"),
                },
                "link" => new LinkAttachment
                {
                    Type = type, Url = Str(p, "url"), Title = Str(p, "title"),
                    Description = Str(p, "description"), Thumbnail = Str(p, "thumbnail"),
                },
                "location" => new LocationAttachment
                {
                    Type = type,
                    Latitude = Str(Obj(p, "coordinates"), "latitude"),
                    Longitude = Str(Obj(p, "coordinates"), "longitude"),
                },
                _ => new UnknownAttachment
                {
                    Type = type, RawPayload = p.ValueKind == JsonValueKind.Undefined ? null : p.GetRawText(),
                },
            });
        }

        return list;
    }

    private static string? PhoneFromCardDescription(string? description)
    {
        if (string.IsNullOrEmpty(description) || description[0] != '{')
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(description);
            return Str(doc.RootElement, "phone");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static UserSubmitInfoEvent ParseSubmitInfo(JsonElement root, string eventName, string timestamp, string rawJson)
    {
        var info = Obj(root, "info");
        var full = Obj(info, "full_address");
        return new UserSubmitInfoEvent
        {
            EventName = eventName, Timestamp = timestamp, RawJson = rawJson, DedupeKey = "",
            Name = Str(info, "name"),
            Phone = Str(info, "phone"),
            Address = Str(full, "user_address") ?? Str(info, "address"),
            Ward = Str(full, "user_ward") ?? Str(info, "ward"),
            District = Str(full, "user_district") ?? Str(info, "district"),
            City = Str(full, "user_city") ?? Str(info, "city"),
            DateOfBirth = Str(info, "user_dob"),
            Gender = Str(info, "gender"),
        };
    }

    private static JsonElement Obj(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object
            ? v
            : default;

    /// <summary>A string property; numbers keep their raw text so ids and timestamps are never rounded.</summary>
    private static string? Str(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => Text(v),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }

    /// <summary>A JSON string as UTF-16; a lone surrogate (which <see cref="JsonElement.GetString"/> cannot transcode) is a <see cref="JsonException"/>.</summary>
    private static string Text(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException("A string in the body is not valid UTF-16 text.", ex);
        }
    }

    private static List<string> StrArray(JsonElement parent, string name)
    {
        var list = new List<string>();
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    list.Add(item.ValueKind == JsonValueKind.String ? Text(item) : item.GetRawText());
                }
            }
        }

        return list;
    }
}
