namespace ZaloBot.Web.Cchc;

/// <summary>draft → submitted → published ⇄ unpublished; a submitted post can be returned to its author for changes.</summary>
public enum CchcPostStatus
{
    Draft = 0,
    Submitted = 1,
    Published = 2,
    Unpublished = 3,
    Returned = 4,
}
