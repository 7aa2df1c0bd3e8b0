namespace ZaloBot.Web.Faq;

public enum FaqSaveResult
{
    Saved = 0,

    /// <summary>Someone else saved the entry since it was loaded; nothing was overwritten.</summary>
    Conflict = 1,
}
