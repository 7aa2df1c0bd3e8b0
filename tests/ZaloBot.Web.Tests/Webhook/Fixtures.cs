using System.Text.Json.Nodes;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Webhook;

/// <summary>One body per event family, in the shapes of docs/zalo-oa-api.md §3 (recorded-payload style).</summary>
public static class Fixtures
{
    public static IReadOnlyList<string> All()
    {
        const string user = "2468458835296197922";
        JsonObject Attach(string type, JsonObject payload) => new() { ["type"] = type, ["payload"] = payload };
        JsonObject Msg(string id, params JsonObject[] attachments) => new() { ["msg_id"] = id, ["attachments"] = new JsonArray([.. attachments]) };
        return
        [
            ZaloEvents.UserText(user, "fx-text", "xin chào"),
            ZaloEvents.Message("user_send_image", user, ZaloBotFactory.OaId, Msg("fx-image", Attach("image", new JsonObject { ["url"] = "https://s.zdn.vn/a.jpg", ["thumbnail"] = "https://s.zdn.vn/t.jpg" }))),
            ZaloEvents.Message("user_send_gif", user, ZaloBotFactory.OaId, Msg("fx-gif", Attach("gif", new JsonObject { ["url"] = "https://s.zdn.vn/a.gif" }))),
            ZaloEvents.Message("user_send_sticker", user, ZaloBotFactory.OaId, Msg("fx-sticker", Attach("sticker", new JsonObject { ["id"] = "st1", ["url"] = "https://s.zdn.vn/st.png" }))),
            ZaloEvents.Message("user_send_audio", user, ZaloBotFactory.OaId, Msg("fx-audio", Attach("audio", new JsonObject { ["url"] = "https://s.zdn.vn/a.aac" }))),
            ZaloEvents.Message("user_send_video", user, ZaloBotFactory.OaId, Msg("fx-video", Attach("video", new JsonObject { ["url"] = "https://s.zdn.vn/a.mp4", ["thumbnail"] = "https://s.zdn.vn/v.jpg" }))),
            ZaloEvents.Message("user_send_file", user, ZaloBotFactory.OaId, Msg("fx-file", Attach("file", new JsonObject { ["url"] = "https://s.zdn.vn/f.pdf", ["name"] = "don.pdf", ["size"] = "1234", ["type"] = "pdf", ["checksum"] = "abc" }))),
            ZaloEvents.Message("user_send_link", user, ZaloBotFactory.OaId, Msg("fx-link", Attach("link", new JsonObject { ["url"] = "https://quan3.vn", ["title"] = "Q3" }))),
            ZaloEvents.Message("user_send_location", user, ZaloBotFactory.OaId, Msg("fx-location", Attach("location", new JsonObject { ["coordinates"] = new JsonObject { ["latitude"] = "10.76", ["longitude"] = "106.66" } }))),
            ZaloEvents.Message("user_send_business_card", user, ZaloBotFactory.OaId, Msg("fx-card", Attach("contact", new JsonObject { ["url"] = "https://s.zdn.vn/c", ["description"] = "{\"phone\":\"0900000000\"}" }))),
            ZaloEvents.OaEcho(user, "fx-echo", "ok"),
            ZaloEvents.OaEcho(user, "fx-echo-admin", "cán bộ trả lời", adminId: "admin-1"),
            ZaloEvents.Follow(user),
            ZaloEvents.Follow(user, "unfollow"),
            ZaloEvents.Received(user, "sent-1"),
            ZaloEvents.Seen(user, "sent-1", "sent-2"),
            new JsonObject
            {
                ["app_id"] = ZaloBotFactory.AppId, ["event_name"] = "user_submit_info", ["timestamp"] = ZaloEvents.NextTimestamp(),
                ["sender"] = new JsonObject { ["id"] = user }, ["recipient"] = new JsonObject { ["id"] = ZaloBotFactory.OaId },
                ["info"] = new JsonObject { ["name"] = "Nguyễn Văn A", ["phone"] = "84912345678", ["address"] = "1 Võ Văn Tần" },
            }.ToJsonString(),
            new JsonObject
            {
                ["app_id"] = ZaloBotFactory.AppId, ["event_name"] = "user_reacted_message", ["timestamp"] = ZaloEvents.NextTimestamp(),
                ["sender"] = new JsonObject { ["id"] = user }, ["recipient"] = new JsonObject { ["id"] = ZaloBotFactory.OaId },
                ["message"] = new JsonObject { ["msg_id"] = "sent-1", ["react_icon"] = "/-heart" },
            }.ToJsonString(),
            new JsonObject
            {
                ["app_id"] = ZaloBotFactory.AppId, ["oa_id"] = ZaloBotFactory.OaId, ["event_name"] = "add_user_to_tag", ["timestamp"] = ZaloEvents.NextTimestamp(),
                ["user_id"] = user, ["tag_name"] = "vip",
            }.ToJsonString(),
            new JsonObject
            {
                ["app_id"] = ZaloBotFactory.AppId, ["oa_id"] = ZaloBotFactory.OaId, ["event_name"] = "change_oa_daily_quota", ["timestamp"] = ZaloEvents.NextTimestamp(),
                ["quota"] = 100,
            }.ToJsonString(),
        ];
    }
}
