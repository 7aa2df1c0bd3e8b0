namespace ZaloBot.Dialogs.Engine;

/// <summary>What happened. The web app maps Zalo events (and console actions) onto these.</summary>
public enum ActivityType
{
    /// <summary>Text, button tap (payload as text), image, file, location or sticker from the citizen.</summary>
    Message = 0,

    /// <summary>The citizen followed the OA.</summary>
    Follow = 1,

    /// <summary>The citizen unfollowed: the conversation is dropped, nothing is sent.</summary>
    Unfollow = 2,

    /// <summary>The citizen answered a "request user info" form (<c>user_submit_info</c>).</summary>
    SubmittedInfo = 3,

    /// <summary>Sent by the web app: a staff member took the conversation; the bot goes silent.</summary>
    StaffTookOver = 4,

    /// <summary>Sent by the web app: staff released the conversation; the bot speaks again.</summary>
    StaffReleased = 5,
}
