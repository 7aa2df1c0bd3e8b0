namespace ZaloBot.Dialogs.Ports;

public enum CategoryKind
{
    /// <summary>Ordinary feedback: the intake goes on.</summary>
    Feedback = 0,

    /// <summary>Khiếu nại / tố cáo: told its separate legal route, no ticket.</summary>
    ComplaintOrDenunciation = 1,

    /// <summary>Emergency: told 113 / 114 / 115, no ticket.</summary>
    Emergency = 2,
}
