namespace ZaloBot.Web.Cchc;

/// <summary>How a subscriber learnt of a post.</summary>
public enum CchcDeliveryKind
{
    /// <summary>Messaged when it was published (inside Zalo's free 48-hour window).</summary>
    Pushed = 0,

    /// <summary>Told "tin mới" on the next visit (the window was closed at publication).</summary>
    OnVisit = 1,
}
