using System.Globalization;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Conversations;

/// <summary>Turns a typed Zalo event into the dialog engine's channel-neutral activity (null: not a turn, e.g. a reaction).</summary>
public static class ActivityMapper
{
    public static Activity? FromEvent(ZaloEvent evt, string zaloUserId, string messageId, DateTimeOffset receivedAt)
    {
        var timestamp = long.TryParse(evt.Timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : receivedAt;
        return evt switch
        {
            UserMessageEvent message => FromMessage(message, zaloUserId, messageId, timestamp),
            FollowEvent => new Activity { Type = ActivityType.Follow, UserId = zaloUserId, MessageId = messageId, Timestamp = timestamp },
            UnfollowEvent => new Activity { Type = ActivityType.Unfollow, UserId = zaloUserId, MessageId = messageId, Timestamp = timestamp },
            UserSubmitInfoEvent info => new Activity
            {
                Type = ActivityType.SubmittedInfo,
                UserId = zaloUserId,
                MessageId = messageId,
                Timestamp = timestamp,
                SubmittedInfo = new SubmittedInfo(info.Name, info.Phone, info.Address),
            },
            _ => null,
        };
    }

    private static Activity FromMessage(UserMessageEvent message, string zaloUserId, string messageId, DateTimeOffset timestamp)
    {
        var attachments = new List<MessageAttachment>();
        GeoLocation? location = null;
        foreach (var attachment in message.Attachments)
        {
            switch (attachment)
            {
                case ImageAttachment { Url: { } url }:
                    attachments.Add(new MessageAttachment(AttachmentKind.Image, url));
                    break;
                case GifAttachment { Url: { } url }:
                    attachments.Add(new MessageAttachment(AttachmentKind.Image, url));
                    break;
                case FileAttachment { Url: { } url } file:
                    attachments.Add(new MessageAttachment(AttachmentKind.File, url, file.Name));
                    break;
                case StickerAttachment sticker:
                    attachments.Add(new MessageAttachment(AttachmentKind.Sticker, sticker.Url ?? sticker.Id ?? ""));
                    break;
                case LocationAttachment point:
                    location = new GeoLocation(ParseCoordinate(point.Latitude), ParseCoordinate(point.Longitude), message.Text);
                    break;
            }
        }

        return new Activity
        {
            Type = ActivityType.Message,
            UserId = zaloUserId,
            MessageId = messageId,
            Timestamp = timestamp,
            // For a location, Zalo's text is the address: it travels in the location, not as a typed message.
            Text = location is null ? message.Text : null,
            Attachments = attachments,
            Location = location,
        };
    }

    private static double? ParseCoordinate(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) ? result : null;
}
