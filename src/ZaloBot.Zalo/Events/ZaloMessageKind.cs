namespace ZaloBot.Zalo.Events;

/// <summary>The suffix of <c>user_send_*</c> / <c>oa_send_*</c>.</summary>
public enum ZaloMessageKind
{
    Unknown,
    Text,
    Image,
    File,
    Location,
    Sticker,
    Link,
    Audio,
    Video,
    Gif,
    BusinessCard,
    List,
    Template,
}
