using ZaloBot.Zalo.Events;
using ZaloBot.Zalo.Tests.Support;

namespace ZaloBot.Zalo.Tests.Events;

public sealed class ZaloEventParserTests
{
    private const string User = "2468458835296197922";
    private const string Oa = "388613280878808645";

    private static readonly Dictionary<string, (Type Event, Type? Attachment)> Expected = new()
    {
        ["user_send_text"] = (typeof(UserMessageEvent), null),
        ["user_send_image"] = (typeof(UserMessageEvent), typeof(ImageAttachment)),
        ["user_send_file"] = (typeof(UserMessageEvent), typeof(FileAttachment)),
        ["user_send_location"] = (typeof(UserMessageEvent), typeof(LocationAttachment)),
        ["user_send_sticker"] = (typeof(UserMessageEvent), typeof(StickerAttachment)),
        ["user_send_link"] = (typeof(UserMessageEvent), typeof(LinkAttachment)),
        ["user_send_audio"] = (typeof(UserMessageEvent), typeof(AudioAttachment)),
        ["user_send_video"] = (typeof(UserMessageEvent), typeof(VideoAttachment)),
        ["user_send_gif"] = (typeof(UserMessageEvent), typeof(GifAttachment)),
        ["user_send_business_card"] = (typeof(UserMessageEvent), typeof(BusinessCardAttachment)),
        ["follow"] = (typeof(FollowEvent), null),
        ["unfollow"] = (typeof(UnfollowEvent), null),
        ["user_submit_info"] = (typeof(UserSubmitInfoEvent), null),
        ["user_submit_info_full_address"] = (typeof(UserSubmitInfoEvent), null),
        ["user_received_message"] = (typeof(MessageReceivedEvent), null),
        ["user_seen_message"] = (typeof(MessageSeenEvent), null),
        ["user_reacted_message"] = (typeof(UserReactedEvent), null),
        ["oa_send_text"] = (typeof(OaMessageEchoEvent), null),
        ["oa_send_text_by_admin"] = (typeof(OaMessageEchoEvent), null),
        ["oa_send_image"] = (typeof(OaMessageEchoEvent), typeof(ImageAttachment)),
        ["add_user_to_tag"] = (typeof(UnknownZaloEvent), null),
    };

    private static IEnumerable<string> Fixtures() => Fixture.All();

    [Test]
    public void Fixtures_EveryFileHasAnExpectation()
    {
        Assert.That(Fixture.All(), Is.EquivalentTo(Expected.Keys));
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Parse_Fixture_ParsesToExpectedTypeAndParties(string name)
    {
        var evt = ZaloEventParser.Parse(Fixture.Bytes(name));
        var (eventType, attachmentType) = Expected[name];

        Assert.Multiple(() =>
        {
            Assert.That(evt.GetType(), Is.EqualTo(eventType));
            // Tag events name several users (tag.user_ids), so no single user id.
            Assert.That(evt.UserId, Is.EqualTo(evt is UnknownZaloEvent ? null : User));
            Assert.That(evt.OaId, Is.EqualTo(Oa));
            Assert.That(evt.AppId, Is.EqualTo("3608465248940903967"));
            Assert.That(evt.DedupeKey, Is.Not.Empty);
            Assert.That(evt.Timestamp, Does.Match("^[0-9]{13}$"));
            var attachments = evt switch
            {
                UserMessageEvent m => m.Attachments,
                OaMessageEchoEvent m => m.Attachments,
                _ => [],
            };
            Assert.That(attachments.Select(a => a.GetType()), attachmentType is null ? Is.Empty : Is.EqualTo(new[] { attachmentType }));
        });
    }

    [Test]
    public void Parse_UserSendText_KeepsTextQuoteAndUsesMsgIdAsDedupeKey()
    {
        var evt = (UserMessageEvent)ZaloEventParser.Parse(Fixture.Bytes("user_send_text"));

        Assert.That(evt, Is.EqualTo(evt with
        {
            Kind = ZaloMessageKind.Text,
            MessageId = "96d3cdf3af150460909",
            Text = "Cho tôi hỏi thủ tục đăng ký tạm trú ở phường Võ Thị Sáu?",
            QuoteMessageId = "55a2c1d0e9f8a7b6c5d4",
            DedupeKey = "96d3cdf3af150460909",
            UserIdByApp = "552177279717587730",
        }));
    }

    [Test]
    public void Parse_Location_KeepsCoordinatesAsStrings()
    {
        var evt = (UserMessageEvent)ZaloEventParser.Parse(Fixture.Bytes("user_send_location"));

        Assert.That(evt.Attachments[0], Is.EqualTo(new LocationAttachment
        {
            Type = "location", Latitude = "10.784412345678", Longitude = "106.681234567891",
        }));
        Assert.That(evt.Text, Is.EqualTo("299 Lý Chính Thắng, Phường 9, Quận 3"));
    }

    [Test]
    public void Parse_File_ReadsAllPayloadFields()
    {
        var evt = (UserMessageEvent)ZaloEventParser.Parse(Fixture.Bytes("user_send_file"));

        Assert.That(evt.Attachments[0], Is.EqualTo(new FileAttachment
        {
            Type = "file",
            Url = "https://f21-zfcloud.zdn.vn/files/don-de-nghi.pdf",
            Name = "don-de-nghi.pdf",
            Size = "183204",
            FileType = "pdf",
            Checksum = "9e107d9d372bb6826bd81d3542a419d6",
        }));
    }

    [Test]
    public void Parse_BusinessCard_ReadsPhoneFromDescriptionJson()
    {
        var evt = (UserMessageEvent)ZaloEventParser.Parse(Fixture.Bytes("user_send_business_card"));
        var card = (BusinessCardAttachment)evt.Attachments[0];

        Assert.That((evt.Kind, evt.Text, card.Phone), Is.EqualTo((ZaloMessageKind.BusinessCard, "Nguyễn Văn An", "84912345678")));
    }

    [Test]
    public void Parse_SubmitInfoFlat_FillsAddressFields()
    {
        var evt = (UserSubmitInfoEvent)ZaloEventParser.Parse(Fixture.Bytes("user_submit_info"));

        Assert.That((evt.Name, evt.Phone, evt.Address, evt.District, evt.City, evt.Ward),
            Is.EqualTo(("Nguyễn Văn An", "84912345678", "12 Trần Quốc Thảo", "Quận 3", "Hồ Chí Minh", (string?)null)));
    }

    [Test]
    public void Parse_SubmitInfoFullAddress_FillsSameFields()
    {
        var evt = (UserSubmitInfoEvent)ZaloEventParser.Parse(Fixture.Bytes("user_submit_info_full_address"));

        Assert.That((evt.Name, evt.Phone, evt.Address, evt.Ward, evt.City, evt.DateOfBirth, evt.Gender),
            Is.EqualTo(("Trần Thị Bình", "84987654321", "45 Võ Văn Tần", "Phường Võ Thị Sáu", "Hồ Chí Minh", "30/10/1999", "Nữ")));
    }

    [Test]
    public void Parse_Receipts_UseDerivedDedupeKeysThatDoNotCollideWithTheEcho()
    {
        var received = (MessageReceivedEvent)ZaloEventParser.Parse(Fixture.Bytes("user_received_message"));
        var seen = (MessageSeenEvent)ZaloEventParser.Parse(Fixture.Bytes("user_seen_message"));
        var echo = (OaMessageEchoEvent)ZaloEventParser.Parse(Fixture.Bytes("oa_send_text"));

        Assert.Multiple(() =>
        {
            Assert.That(received.MessageId, Is.EqualTo("63ecf43f0df7dba892e6"));
            Assert.That(received.DedupeKey, Is.EqualTo($"user_received_message|1718000523456|{User}|63ecf43f0df7dba892e6"));
            Assert.That(seen.MessageIds, Is.EqualTo(new[] { "63ecf43f0df7dba892e6", "73ecf43f0df7dba892e7" }));
            Assert.That(seen.DedupeKey, Is.EqualTo($"user_seen_message|1718000623456|{User}|63ecf43f0df7dba892e6,73ecf43f0df7dba892e7"));
            Assert.That(echo.DedupeKey, Is.EqualTo("63ecf43f0df7dba892e6"));
        });
    }

    [Test]
    public void Parse_Reaction_ReadsIcon()
    {
        var evt = (UserReactedEvent)ZaloEventParser.Parse(Fixture.Bytes("user_reacted_message"));

        Assert.That((evt.MessageId, evt.ReactIcon), Is.EqualTo(("63ecf43f0df7dba892e6", "/-heart")));
    }

    [Test]
    public void Parse_Follow_UsesDerivedDedupeKeyAndSource()
    {
        var evt = (FollowEvent)ZaloEventParser.Parse(Fixture.Bytes("follow"));

        Assert.That((evt.DedupeKey, evt.Source), Is.EqualTo(($"follow|1718000123456|{User}", "oa_profile")));
    }

    [Test]
    public void Parse_EchoWithAndWithoutAdmin_TellsHumanFromApiSends()
    {
        var api = (OaMessageEchoEvent)ZaloEventParser.Parse(Fixture.Bytes("oa_send_text"));
        var human = (OaMessageEchoEvent)ZaloEventParser.Parse(Fixture.Bytes("oa_send_text_by_admin"));

        Assert.That((api.IsSentByHuman, human.IsSentByHuman, human.AdminId), Is.EqualTo((false, true, "7300112233445566778")));
    }

    [Test]
    public void Parse_UnknownEvent_KeepsRawBody()
    {
        var raw = Fixture.Bytes("add_user_to_tag");

        var evt = ZaloEventParser.Parse(raw);

        Assert.That(evt.RawJson, Is.EqualTo(System.Text.Encoding.UTF8.GetString(raw)));
    }

    [Test]
    public void Parse_UnknownEventWithKnownOaAsSender_ResolvesUserAsRecipient()
    {
        const string json = """{"event_name":"oa_call_user","sender":{"id":"388613280878808645"},"recipient":{"id":"111"},"timestamp":"1718000000000"}""";

        var evt = ZaloEventParser.Parse(json, [Oa]);

        Assert.That((evt.UserId, evt.OaId), Is.EqualTo(("111", Oa)));
    }

    [Test]
    public void Parse_NumericIds_KeepTheirDigits()
    {
        const string json = """{"event_name":"user_send_text","sender":{"id":2468458835296197922},"recipient":{"id":"1"},"message":{"msg_id":"m","text":"x"},"timestamp":1718000123456}""";

        var evt = ZaloEventParser.Parse(json);

        Assert.That((evt.UserId, evt.Timestamp), Is.EqualTo(("2468458835296197922", "1718000123456")));
    }

    [Test]
    public void Parse_NotAnObject_Throws()
    {
        Assert.That(() => ZaloEventParser.Parse("[1,2]"), Throws.InstanceOf<System.Text.Json.JsonException>());
    }
}
