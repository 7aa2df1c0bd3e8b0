namespace ZaloBot.Dialogs.Engine;

/// <summary>Zalo button types: oa.query.show, oa.query.hide, oa.open.url, oa.open.phone.</summary>
public enum ButtonKind
{
    /// <summary>The payload comes back as a text message the citizen sees in the chat.</summary>
    QueryShow = 0,

    /// <summary>The payload comes back as a text message the citizen does not see (our "#..." commands).</summary>
    QueryHide = 1,

    OpenUrl = 2,

    OpenPhone = 3,
}
