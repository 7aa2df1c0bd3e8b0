namespace ZaloBot.Web.Cchc;

/// <summary>The kinds of post of the CCHC section (plan IV.1, IV.3/IV.6, IV.4).</summary>
public enum CchcTopic
{
    /// <summary>Tin tức: news about administrative reform.</summary>
    News = 0,

    /// <summary>Mô hình, điển hình: good models and examples.</summary>
    Model = 1,

    /// <summary>Video hướng dẫn: clips guiding online filing.</summary>
    VideoGuide = 2,

    /// <summary>Quy định mới: new regulations.</summary>
    NewRegulation = 3,
}
