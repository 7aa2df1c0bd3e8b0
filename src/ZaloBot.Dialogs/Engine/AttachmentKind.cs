namespace ZaloBot.Dialogs.Engine;

public enum AttachmentKind
{
    Image = 0,
    File = 1,
    Sticker = 2,
    Other = 3,
}
